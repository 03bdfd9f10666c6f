package uk.localoffer.server.api;

import uk.localoffer.domain.Freshness;
import uk.localoffer.domain.PageDate;
import uk.localoffer.domain.Provenance;
import uk.localoffer.search.Directory;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Where a fact comes from, as answers and pages show it: "From Surrey County Council's page, updated April 2024". */
public final class SourceJson {
    private SourceJson() { }

    public static Map<String, Object> of(Provenance p, Freshness f, Directory directory, String lang) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("url", p.sourceUrl());
        m.put("publisher", p.sourceUrl() == null ? null : publisher(p.sourceUrl(), directory));
        m.put("page_date", p.pageDate() == null ? null : p.pageDate().toString());
        m.put("recorded", p.recorded() == null ? null : p.recorded().toString());
        m.put("last_verified", p.lastVerified() == null ? null : p.lastVerified().toString());
        m.put("stale", f.assuredOn() == null || f.stale(Freshness.OLD_MONTHS));
        m.put("stale_signs", f.signs());
        m.put("text", text(p, directory, lang));
        return m;
    }

    static String publisher(String url, Directory directory) {
        String known = directory.publisher(url);
        if (known != null) return known;
        String host = java.net.URI.create(url).getHost();
        return host == null ? url : host.replaceFirst("^www\\.", "");
    }

    /** One line naming the source and its date, in English or Welsh. */
    public static String text(Provenance p, Directory directory, String lang) {
        boolean cy = "cy".equals(lang);
        if (p.illustrative()) return cy ? "Cofnod enghreifftiol: nid gwasanaeth go iawn" : "Illustrative record: not a real service";
        if (p.sourceUrl() == null) return p.note();
        String who = publisher(p.sourceUrl(), directory);
        boolean council = directory.publisher(p.sourceUrl()) != null;
        StringBuilder sb = new StringBuilder();
        if (cy) sb.append("O dudalen ").append(who);
        else sb.append("From ").append(who).append(council ? "'s page" : "");
        if (p.pageDate() != null) sb.append(cy ? ", diweddarwyd " : council ? ", updated " : ", page updated ").append(monthYear(p.pageDate(), lang));
        else if (p.recorded() != null) sb.append(cy ? " (dim dyddiad ar y dudalen), cofnodwyd " : " (no date on the page), recorded ").append(day(p.recorded(), lang));
        if (p.lastVerified() != null) sb.append(cy ? "; gwiriwyd " : "; checked ").append(day(p.lastVerified(), lang));
        return sb.toString();
    }

    static String monthYear(PageDate d, String lang) {
        Locale locale = "cy".equals(lang) ? Locale.forLanguageTag("cy") : Locale.UK;
        String month = d.month().getMonth().getDisplayName(TextStyle.FULL, locale);
        return d.day() == null ? month + " " + d.month().getYear() : d.day() + " " + month + " " + d.month().getYear();
    }

    static String day(LocalDate d, String lang) {
        return monthYear(new PageDate(java.time.YearMonth.from(d), d.getDayOfMonth()), lang);
    }
}
