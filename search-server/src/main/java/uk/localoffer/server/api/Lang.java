package uk.localoffer.server.api;

import io.javalin.http.Context;

/** The response language: ?lang=cy, else the language cookie, else Accept-Language; English by default. */
public final class Lang {
    public static final String COOKIE = "lang";

    private Lang() { }

    public static String of(Context ctx) {
        String q = ctx.queryParam("lang");
        if (q != null && !q.isBlank()) {
            if (!q.equals("en") && !q.equals("cy")) throw Problem.badParameter("lang", "lang must be en or cy, got '" + q + "'");
            return q;
        }
        String c = ctx.cookie(COOKIE);
        if ("cy".equals(c) || "en".equals(c)) return c;
        String accept = ctx.header("Accept-Language");
        if (accept != null) {
            for (String part : accept.split(",")) {
                String tag = part.split(";")[0].trim().toLowerCase();
                if (tag.startsWith("cy")) return "cy";
                if (tag.startsWith("en")) return "en";
            }
        }
        return "en";
    }
}
