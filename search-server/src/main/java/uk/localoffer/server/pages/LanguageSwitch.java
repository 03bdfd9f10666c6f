package uk.localoffer.server.pages;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import uk.localoffer.server.http.Lang;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * /language?to=cy&back=/path: sets the only cookie the pages use, and goes back to the page it
 * came from, never off this site. The way back is re-built, never echoed: its path must be one
 * of the pages' routes ({@link #ROUTES}), and only that page's known parameters are kept,
 * each value encoded again.
 */
final class LanguageSwitch {
    /** Each page the switch returns to: its path (a pattern of this site's paths only) and the parameters it reads. */
    record Route(Pattern path, List<String> parameters) { }

    /** The find form's parameters (FindForm.PARAMETERS), which the results, the PA's view and the shortlist read. */
    private static final List<String> FORM = FindForm.PARAMETERS;

    static final List<Route> ROUTES = List.of(
            new Route(Pattern.compile("/"), FORM),
            new Route(Pattern.compile("/search"), with(FORM, "page")),
            new Route(Pattern.compile("/services/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), List.of()),
            new Route(Pattern.compile("/services/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/history"), List.of()),
            new Route(Pattern.compile("/authorities"), List.of()),
            new Route(Pattern.compile("/authorities/[EW][0-9]{8}"), List.of()),
            new Route(Pattern.compile("/compare"), List.of("gss", "shade")),
            new Route(Pattern.compile("/out-of-area"), with(FORM, "change")),
            new Route(Pattern.compile("/shortlist"), with(FORM, "service", "from")),
            new Route(Pattern.compile("/feedback"), List.of()));

    private static List<String> with(List<String> form, String... more) {
        List<String> all = new java.util.ArrayList<>(form);
        all.addAll(List.of(more));
        return List.copyOf(all);
    }

    private LanguageSwitch() { }

    static void handle(Context ctx) {
        String to = "cy".equals(ctx.queryParam("to")) ? "cy" : "en";
        ctx.cookie(new Cookie(Lang.COOKIE, to, "/", 60 * 60 * 24 * 365, false, true, null, SameSite.LAX));
        ctx.redirect(back(ctx.queryParam("back")));
    }

    /** The page to go back to: {@code back}'s route with its known parameters, or the start page. */
    static String back(String back) {
        if (back == null) return "/";
        int q = back.indexOf('?');
        String path = q < 0 ? back : back.substring(0, q);
        Route route = ROUTES.stream().filter(r -> r.path().matcher(path).matches()).findFirst().orElse(null);
        if (route == null) return "/";
        StringBuilder out = new StringBuilder(path);
        if (q >= 0) {
            char sep = '?';
            for (String pair : back.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) continue;
                String name = decode(pair.substring(0, eq)), value = decode(pair.substring(eq + 1));
                if (name == null || value == null || !route.parameters().contains(name)) continue;
                out.append(sep).append(name).append('=').append(Html.url(value));
                sep = '&';
            }
        }
        return out.toString();
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
