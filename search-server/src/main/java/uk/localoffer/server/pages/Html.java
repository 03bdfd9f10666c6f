package uk.localoffer.server.pages;

/** Small helpers for writing HTML safely. */
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

    /** A phone number as a link a phone can call ("text 85258" stays text: it is not a number to call). */
    static String tel(String number) {
        if (number.startsWith("text ")) return esc(number);
        String dial = number.replaceAll("[^0-9+]", "");
        return "<a class=\"govuk-link\" href=\"tel:" + esc(dial) + "\">" + esc(number) + "</a>";
    }

    /** A link to a web page or mailbox, showing the address itself. */
    static String link(String href, String text) {
        return "<a class=\"govuk-link\" href=\"" + esc(href) + "\">" + esc(text) + "</a>";
    }

    /** "From Surrey County Council's page, updated April 2024", linked to the page. */
    static String source(uk.localoffer.domain.Provenance p, uk.localoffer.directory.Directory directory, String lang) {
        String text = uk.localoffer.server.text.SourceText.of(p, directory, lang);
        return p.sourceUrl() == null ? esc(text) : link(p.sourceUrl(), text);
    }

    /** A summary row whose value is already HTML (links). */
    static void rawRow(StringBuilder b, String key, String html) {
        b.append("<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">").append(esc(key))
                .append("</dt><dd class=\"govuk-summary-list__value\">").append(html).append("</dd></div>");
    }

    static void row(StringBuilder b, String key, String value) {
        rawRow(b, key, esc(value));
    }

    static String url(String s) {
        return java.net.URLEncoder.encode(s == null ? "" : s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
