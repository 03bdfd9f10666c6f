package uk.localoffer.server.web;

import java.util.List;
import java.util.function.BiConsumer;

/**
 * The headers every answer carries, pages, API, static files and errors alike (Jetty's own
 * included): no framing, no sniffing, no referrer, nothing loaded from another site; and
 * {@code Cache-Control: no-store} on the answers about one young person (match, search,
 * out-of-area, shortlist, a postcode looked up).
 */
final class SecurityHeaders {
    static final String CSP = "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
    /** Paths (or path prefixes, ending in /) whose answers are about one person and must not be kept. */
    static final List<String> PERSONAL = List.of("/api/v1/match", "/search", "/out-of-area", "/shortlist", "/api/v1/postcodes/");

    private SecurityHeaders() { }

    static void apply(String path, BiConsumer<String, String> header) {
        header.accept("Content-Security-Policy", CSP);
        header.accept("X-Content-Type-Options", "nosniff");
        header.accept("Referrer-Policy", "no-referrer");
        header.accept("X-Frame-Options", "DENY");
        if (personal(path)) header.accept("Cache-Control", "no-store");
    }

    static boolean personal(String path) {
        if (path == null) return false;
        for (String p : PERSONAL) if (p.endsWith("/") ? path.startsWith(p) : path.equals(p)) return true;
        return false;
    }
}
