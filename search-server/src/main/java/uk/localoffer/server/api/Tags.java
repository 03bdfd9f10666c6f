package uk.localoffer.server.api;

import io.javalin.http.Context;
import uk.localoffer.server.http.JsonBody;

/** Answers that carry a record's version in an ETag header (a PUT with that tag in If-Match writes only if it is still current). */
final class Tags {
    private Tags() { }

    /** Answers {@code body} with its ETag. */
    static void answer(Context ctx, String tag, Object body) {
        if (tag != null) ctx.header("ETag", tag);
        JsonBody.send(ctx, body);
    }

    /** A GET's answer: 304 with no body when If-None-Match already names this version. */
    static void get(Context ctx, String tag, Object body) {
        String known = ctx.header("If-None-Match");
        if (known != null && tag != null) {
            for (String t : known.split(",")) {
                String v = t.trim();
                if (v.equals("*") || v.equals(tag) || v.equals("W/" + tag)) {
                    ctx.header("ETag", tag);
                    ctx.status(304);
                    return;
                }
            }
        }
        answer(ctx, tag, body);
    }
}
