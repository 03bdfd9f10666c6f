package uk.localoffer.server.pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The one thing the pages write by hand: a value encoded for a URL's query (templates escape everything else). */
final class Html {
    private Html() { }

    static String url(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }
}
