package uk.localoffer.server.pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Small helpers for writing HTML safely: every piece of text goes through {@link #esc}. */
final class Html {
    private Html() { }

    /** Escapes text for element content and attribute values. */
    static String esc(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** A query-string value. */
    static String url(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }

    /**
     * Text that exists only in English (a provider's own words, a referral route): on a Welsh
     * page it is marked {@code lang="en"} so screen readers pronounce it right.
     */
    static String english(String pageLang, String text) {
        if (text == null) return "";
        return "cy".equals(pageLang) ? "<span lang=\"en\">" + esc(text) + "</span>" : esc(text);
    }

    /** Text in the page language when a translation exists, else the English marked as English. */
    static String translated(String pageLang, String english, String welsh) {
        if ("cy".equals(pageLang) && welsh != null && !welsh.isBlank()) return esc(welsh);
        return english(pageLang, english);
    }

    /** A date as people write it: "3 March 2025", "3 Mawrth 2025". */
    static String date(String lang, LocalDate d) {
        return d == null ? "" : d.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag(lang)));
    }

    /** A distance in kilometres with one decimal place. */
    static String km(double km) {
        return String.format(Locale.ROOT, "%.1f", km);
    }
}
