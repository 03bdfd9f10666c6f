package uk.localoffer.directory;

import uk.localoffer.domain.Authority;
import uk.localoffer.domain.AuthorityRoute;

import java.net.URI;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who published a source page, for "From Surrey County Council's page": the council whose own
 * published routes live on that web host.
 */
final class Publishers {
    private final Map<String, String> byHost = new HashMap<>();

    Publishers(Map<String, Authority> authorities, Map<String, List<AuthorityRoute>> routes) {
        routes.forEach((code, list) -> {
            Authority a = authorities.get(code);
            if (a == null || a.officialName() == null) return;
            for (AuthorityRoute r : list) {
                for (String url : Arrays.asList(r.url(), r.provenance().sourceUrl())) {
                    String h = host(url);
                    if (h != null && (h.endsWith(".gov.uk") || h.endsWith(".gov.wales") || h.endsWith(".llyw.cymru")))
                        byHost.putIfAbsent(h, a.officialName());
                }
            }
        });
    }

    /** The council that published the page at {@code url}; null for any other host. */
    String of(String url) {
        String host = host(url);
        return host == null ? null : byHost.get(host);
    }

    /** The page's web host without "www.", lower case; null when it has none. */
    static String host(String url) {
        if (url == null) return null;
        try {
            String h = URI.create(url).getHost();
            if (h == null) return null;
            h = h.toLowerCase(java.util.Locale.ROOT);
            return h.startsWith("www.") ? h.substring(4) : h;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
