package uk.localoffer.server.http;

import io.javalin.http.Context;

import java.util.List;
import java.util.Locale;

/** The answer's language: ?lang=cy, else the language cookie, else Accept-Language; English by default. */
public final class Lang {
    public static final String COOKIE = "lang";

    private Lang() { }

    /** The language asked for; a ?lang that is neither en nor cy, or given twice, is a bad parameter. */
    public static String of(Context ctx) {
        List<String> q = ctx.queryParams("lang");
        if (q.size() > 1) throw BadRequestException.parameter("lang", "give lang once, not " + q.size() + " times");
        return pick(q.isEmpty() ? null : q.get(0), ctx.cookie(COOKIE), ctx.header("Accept-Language"));
    }

    /**
     * The language from a ?lang value, the cookie and the Accept-Language header, each of which
     * may be missing or anything at all: only ?lang can be wrong (a bad parameter).
     */
    public static String pick(String query, String cookie, String acceptLanguage) {
        if (query != null && !query.isBlank()) {
            if (!query.equals("en") && !query.equals("cy")) throw BadRequestException.parameter("lang", "lang must be en or cy, got '" + query + "'");
            return query;
        }
        if ("cy".equals(cookie) || "en".equals(cookie)) return cookie;
        if (acceptLanguage != null) {
            for (String part : acceptLanguage.split(",")) {
                int semi = part.indexOf(';');
                String tag = (semi < 0 ? part : part.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
                if (tag.equals("cy") || tag.startsWith("cy-")) return "cy";
                if (tag.equals("en") || tag.startsWith("en-")) return "en";
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

    /** As {@link #pick}, English when ?lang is wrong. */
    public static String pickOrEnglish(String query, String cookie, String acceptLanguage) {
        try {
            return pick(query, cookie, acceptLanguage);
        } catch (BadRequestException e) {
            return "en";
        }
    }
}
