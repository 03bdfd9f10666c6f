package uk.localoffer.server.text;

import uk.localoffer.directory.Directory;
import uk.localoffer.domain.PageDate;
import uk.localoffer.domain.Provenance;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.Locale;

/** Where a fact comes from, in words: "From Surrey County Council's page, updated April 2024". */
public final class SourceText {
    private SourceText() { }

    /** The council that published the page, or the page's web host. */
    public static String publisher(String url, Directory directory) {
        String known = directory.publisher(url);
        return known != null ? known : host(url);
    }

    /** The page's web host without "www."; the URL itself when it has none. */
    private static String host(String url) {
        try {
            String host = java.net.URI.create(url).getHost();
            return host == null ? url : host.startsWith("www.") ? host.substring(4) : host;
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    /** One line naming the source and its date, in English or Welsh. */
    public static String of(Provenance p, Directory directory, String lang) {
        boolean cy = "cy".equals(lang);
        if (p.illustrative()) return cy ? "Cofnod enghreifftiol: nid gwasanaeth go iawn" : "Illustrative record: not a real service";
        if (p.sourceUrl() == null) return p.note();
        String council = directory.publisher(p.sourceUrl());
        String who = council != null ? council : host(p.sourceUrl());
        StringBuilder sb = new StringBuilder();
        if (cy) sb.append("O dudalen ").append(who);
        else sb.append("From ").append(who).append(council != null ? "'s page" : "");
        if (p.pageDate() != null) sb.append(cy ? ", diweddarwyd " : council != null ? ", updated " : ", page updated ").append(date(p.pageDate(), lang));
        else if (p.recorded() != null) sb.append(cy ? " (dim dyddiad ar y dudalen), cofnodwyd " : " (no date on the page), recorded ").append(date(p.recorded(), lang));
        if (p.lastVerified() != null) sb.append(cy ? "; gwiriwyd " : "; checked ").append(date(p.lastVerified(), lang));
        return sb.toString();
    }

    public static String date(PageDate d, String lang) {
        Locale locale = "cy".equals(lang) ? Locale.forLanguageTag("cy") : Locale.UK;
        String month = d.month().getMonth().getDisplayName(TextStyle.FULL, locale);
        return d.day() == null ? month + " " + d.month().getYear() : d.day() + " " + month + " " + d.month().getYear();
    }

    public static String date(LocalDate d, String lang) {
        return date(new PageDate(YearMonth.from(d), d.getDayOfMonth()), lang);
    }
}
