package uk.localoffer.server.pages;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import uk.localoffer.server.http.Lang;

import java.util.regex.Pattern;

/** /language?to=cy&back=/path: sets the only cookie the pages use, and goes back, never off this site. */
final class LanguageSwitch {
    /** Only a path on this site, never another host ("//host" or "/\\host" would leave it). */
    private static final Pattern BACK = Pattern.compile("/(?![/\\\\]|%5[cC]|%2[fF])[A-Za-z0-9/_.~%&=?+,-]*");

    private LanguageSwitch() { }

    static void handle(Context ctx) {
        String to = "cy".equals(ctx.queryParam("to")) ? "cy" : "en";
        String back = ctx.queryParam("back");
        if (back == null || !BACK.matcher(back).matches()) back = "/";
        back = back.replaceAll("([?&])lang=[a-z]*&?", "$1");
        ctx.cookie(new Cookie(Lang.COOKIE, to, "/", 60 * 60 * 24 * 365, false, true, null, SameSite.LAX));
        ctx.redirect(back);
    }
}
