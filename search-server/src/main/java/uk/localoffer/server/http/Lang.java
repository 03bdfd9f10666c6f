package uk.localoffer.server.http;

import io.javalin.http.Context;

/** The answer's language: ?lang=cy, else the language cookie, else Accept-Language; English by default. */
public final class Lang {
    public static final String COOKIE = "lang";

    private Lang() { }

    /** The language asked for; a ?lang that is neither en nor cy is a bad parameter. */
    public static String of(Context ctx) {
        String q = ctx.queryParam("lang");
        if (q != null && !q.isBlank()) {
            if (!q.equals("en") && !q.equals("cy")) throw BadRequestException.parameter("lang", "lang must be en or cy, got '" + q + "'");
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

    /** As {@link #of}, but English whatever ?lang says when it is neither en nor cy: a page always answers. */
    public static String orEnglish(Context ctx) {
        try {
            return of(ctx);
        } catch (BadRequestException e) {
            return "en";
        }
    }
}
