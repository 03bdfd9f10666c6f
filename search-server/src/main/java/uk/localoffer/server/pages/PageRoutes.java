package uk.localoffer.server.pages;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import uk.localoffer.domain.Authority;
import uk.localoffer.domain.Delivery;
import uk.localoffer.domain.Entitlement;
import uk.localoffer.domain.OfferArea;
import uk.localoffer.domain.ReviewRow;
import uk.localoffer.domain.Service;
import uk.localoffer.domain.Vocabulary;
import uk.localoffer.geo.Postcodes;
import uk.localoffer.directory.Directory;
import uk.localoffer.geo.Locator;
import uk.localoffer.match.MatchResult;
import uk.localoffer.match.Profile;
import uk.localoffer.match.Ranking;
import uk.localoffer.server.api.Lang;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static uk.localoffer.server.pages.Html.esc;
import static uk.localoffer.server.pages.Html.url;

/**
 * The public pages: server-rendered HTML with GOV.UK Frontend styles, no JavaScript needed,
 * English and Welsh. Handlers read the form, call the matcher, and write HTML; nothing typed
 * is stored or logged, and the only cookie is the language choice.
 */
public final class PageRoutes {
    static final int PER_PAGE = 10;

    private final Directory directory;
    private final Vocabulary vocabulary;
    private final uk.localoffer.server.text.MatchText text;

    public PageRoutes(Directory directory) {
        this.directory = directory;
        this.vocabulary = directory.vocabulary();
        this.text = new uk.localoffer.server.text.MatchText(vocabulary);
    }

    public void register(JavalinConfig config) {
        // GOV.UK Frontend's CSS asks for its fonts and images at /assets/.
        config.routes.get(Layout.FRONTEND + "/*", ctx -> resource(ctx, "/META-INF/resources" + ctx.path()));
        config.routes.get("/assets/*", ctx -> resource(ctx, "/META-INF/resources" + Layout.FRONTEND + ctx.path()));
        config.routes.get("/static/*", ctx -> resource(ctx, "/pages/" + ctx.path().substring("/static/".length())));
        config.routes.get("/", this::find);
        config.routes.get("/search", this::search);
        config.routes.get("/services/{id}", this::service);
        config.routes.get("/authorities", this::authorities);
        config.routes.get("/authorities/{gss}", this::authority);
        config.routes.get("/compare", this::compare);
        config.routes.get("/out-of-area", this::outOfArea);
        config.routes.get("/language", this::language);
    }

    private static final Map<String, String> TYPES = Map.of("css", "text/css", "js", "text/javascript", "woff", "font/woff",
            "woff2", "font/woff2", "svg", "image/svg+xml", "png", "image/png", "ico", "image/x-icon");

    /** A file from the program's classpath; never outside the folders named above. */
    private static void resource(Context ctx, String path) throws java.io.IOException {
        String ext = path.substring(path.lastIndexOf('.') + 1);
        if (path.contains("..") || !TYPES.containsKey(ext)) { notFoundPage(ctx); return; }
        try (var in = PageRoutes.class.getResourceAsStream(path)) {
            if (in == null) { notFoundPage(ctx); return; }
            ctx.contentType(TYPES.get(ext)).header("Cache-Control", "public, max-age=86400").result(in.readAllBytes());
        }
    }

    /** A page answer that is not found, as HTML. */
    public static void notFoundPage(Context ctx) {
        String lang = langOf(ctx);
        ctx.attribute(uk.localoffer.server.DirectoryApp.ANSWERED, true);
        ctx.status(404).html(Layout.page(lang, Messages.get(lang, "notfound"), "/",
                "<h1 class=\"govuk-heading-l\">" + esc(Messages.get(lang, "notfound")) + "</h1><p class=\"govuk-body\">"
                        + esc(Messages.get(lang, "notfound.body")) + " <a class=\"govuk-link\" href=\"/\">" + esc(Messages.get(lang, "find.title")) + "</a></p>"));
    }

    static String langOf(Context ctx) {
        try {
            return Lang.of(ctx);
        } catch (RuntimeException e) {
            return "en";
        }
    }

    private static String here(Context ctx) {
        return ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
    }

    // ---- language ----

    private void language(Context ctx) {
        String to = "cy".equals(ctx.queryParam("to")) ? "cy" : "en";
        String back = ctx.queryParam("back");
        // Only a path on this site, never another host ("//host" or "/\\host" would leave it).
        if (back == null || !back.matches("/(?![/\\\\]|%5[cC]|%2[fF])[A-Za-z0-9/_.~%&=?+,-]*")) back = "/";
        back = back.replaceAll("([?&])lang=[a-z]*&?", "$1");
        ctx.cookie(new io.javalin.http.Cookie(Lang.COOKIE, to, "/", 60 * 60 * 24 * 365, false, true, null,
                io.javalin.http.SameSite.LAX));
        ctx.redirect(back);
    }

    // ---- find support ----

    /** What the find form was given, with an error per field. */
    private record FindForm(String postcode, String age, String need, String language, List<String> delivery, String home,
                            Map<String, String> errors) { }

    private FindForm readFind(Context ctx, String lang, boolean requireHome) {
        String postcode = trim(ctx.queryParam("postcode")), age = trim(ctx.queryParam("age")), need = trim(ctx.queryParam("need")),
                language = trim(ctx.queryParam("language")), home = trim(ctx.queryParam("home"));
        List<String> delivery = ctx.queryParams("delivery").stream().filter(d -> vocabulary.has("delivery", d)).toList();
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<Postcodes.Parsed> parsed = Postcodes.parse(postcode);
        if (parsed.isEmpty()) errors.put("postcode", Messages.get(lang, "error.postcode"));
        else if (!directory.postcodes().knows(parsed.get())) errors.put("postcode", Messages.get(lang, "error.postcode.unknown"));
        try {
            int a = Integer.parseInt(age == null ? "" : age);
            if (a < 16 || a > 30) errors.put("age", Messages.get(lang, "error.age"));
        } catch (NumberFormatException e) {
            errors.put("age", Messages.get(lang, "error.age"));
        }
        if (need != null && !vocabulary.has("need", need)) need = null;
        if (language != null && !language.matches("[a-z]{2}")) language = null;
        if (home != null && directory.authority(home).isEmpty()) home = null;
        if (requireHome && home == null) errors.put("home", Messages.get(lang, "error.home"));
        return new FindForm(postcode, age, need, language, delivery, home, errors);
    }

    private static String trim(String s) { return s == null || s.isBlank() ? null : s.trim(); }

    private void find(Context ctx) {
        String lang = langOf(ctx);
        ctx.html(Layout.page(lang, Messages.get(lang, "find.title"), here(ctx),
                "<h1 class=\"govuk-heading-xl\">" + esc(Messages.get(lang, "find.title")) + "</h1>\n<p class=\"govuk-body-l\">"
                        + esc(Messages.get(lang, "find.lead")) + "</p>\n" + findForm(lang, new FindForm(null, null, null, null, List.of(), null, Map.of()), "/search", false)));
    }

    private String findForm(String lang, FindForm f, String action, boolean pa) {
        StringBuilder b = new StringBuilder("<form method=\"get\" action=\"" + action + "\" novalidate>\n");
        if (pa) b.append(select(lang, "home", Messages.get(lang, "pa.home"), f.home(), f.errors().get("home"), authorityOptions(lang, f.home(), false)));
        b.append(input("postcode", Messages.get(lang, pa ? "pa.where" : "postcode"), Messages.get(lang, "postcode.hint"), f.postcode(), f.errors().get("postcode"), "govuk-input--width-10", "postal-code"));
        b.append(input("age", Messages.get(lang, "age"), null, f.age(), f.errors().get("age"), "govuk-input--width-3", "off"));
        StringBuilder needs = new StringBuilder("<option value=\"\">" + esc(Messages.get(lang, "any")) + "</option>");
        for (OfferArea area : OfferArea.values()) {
            needs.append("<optgroup label=\"").append(esc(vocabulary.label("need", area.code(), lang))).append("\">");
            for (String code : vocabulary.needAndChildren(area.code()))
                needs.append(option(code, vocabulary.label("need", code, lang), code.equals(f.need())));
            needs.append("</optgroup>");
        }
        b.append(select(lang, "need", Messages.get(lang, "need"), f.need(), null, needs.toString()));
        StringBuilder langs = new StringBuilder(option("", Messages.get(lang, "language.english"), f.language() == null));
        for (String code : List.of("cy", "ar", "ps", "fa", "ti", "ku", "ur", "so", "pl"))
            langs.append(option(code, Locale.forLanguageTag(code).getDisplayLanguage(Locale.UK) + ("cy".equals(code) ? " / Cymraeg" : ""), code.equals(f.language())));
        b.append(select(lang, "language", Messages.get(lang, "language"), f.language(), null, langs.toString()));
        b.append("<div class=\"govuk-form-group\"><fieldset class=\"govuk-fieldset\" aria-describedby=\"delivery-hint\"><legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">")
                .append(esc(Messages.get(lang, "delivery"))).append("</legend><div id=\"delivery-hint\" class=\"govuk-hint\">").append(esc(Messages.get(lang, "delivery.hint")))
                .append("</div><div class=\"govuk-checkboxes govuk-checkboxes--small\">");
        for (Vocabulary.Term t : vocabulary.terms("delivery")) {
            String id = "delivery-" + t.code();
            b.append("<div class=\"govuk-checkboxes__item\"><input class=\"govuk-checkboxes__input\" id=\"").append(id).append("\" name=\"delivery\" type=\"checkbox\" value=\"")
                    .append(t.code()).append("\"").append(f.delivery().contains(t.code()) ? " checked" : "").append("><label class=\"govuk-label govuk-checkboxes__label\" for=\"")
                    .append(id).append("\">").append(esc(t.label(lang))).append("</label></div>");
        }
        b.append("</div></fieldset></div>\n");
        if (!pa) b.append(select(lang, "home", Messages.get(lang, "home"), f.home(), null, authorityOptions(lang, f.home(), true)));
        b.append("<button type=\"submit\" class=\"govuk-button\">").append(esc(Messages.get(lang, "search"))).append("</button>\n</form>\n");
        return b.toString();
    }

    private String authorityOptions(String lang, String selected, boolean allowNone) {
        StringBuilder o = new StringBuilder(option("", allowNone ? Messages.get(lang, "home.none") : "", selected == null));
        directory.authorities().values().stream().sorted(Comparator.comparing(a -> a.name(lang)))
                .forEach(a -> o.append(option(a.code(), a.name(lang), a.code().equals(selected))));
        return o.toString();
    }

    private static String option(String value, String label, boolean selected) {
        return "<option value=\"" + esc(value) + "\"" + (selected ? " selected" : "") + ">" + esc(label) + "</option>";
    }

    private static String input(String name, String label, String hint, String value, String error, String width, String autocomplete) {
        String describedBy = (hint == null ? "" : name + "-hint ") + (error == null ? "" : name + "-error");
        return "<div class=\"govuk-form-group" + (error == null ? "" : " govuk-form-group--error") + "\">"
                + "<label class=\"govuk-label govuk-label--s\" for=\"" + name + "\">" + esc(label) + "</label>"
                + (hint == null ? "" : "<div id=\"" + name + "-hint\" class=\"govuk-hint\">" + esc(hint) + "</div>")
                + (error == null ? "" : "<p id=\"" + name + "-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> " + esc(error) + "</p>")
                + "<input class=\"govuk-input " + width + (error == null ? "" : " govuk-input--error") + "\" id=\"" + name + "\" name=\"" + name + "\" type=\"text\""
                + (describedBy.isBlank() ? "" : " aria-describedby=\"" + describedBy.trim() + "\"") + " autocomplete=\"" + autocomplete + "\" value=\"" + esc(value) + "\"></div>\n";
    }

    private static String select(String lang, String name, String label, String value, String error, String options) {
        return "<div class=\"govuk-form-group" + (error == null ? "" : " govuk-form-group--error") + "\"><label class=\"govuk-label govuk-label--s\" for=\"" + name + "\">" + esc(label) + "</label>"
                + (error == null ? "" : "<p id=\"" + name + "-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> " + esc(error) + "</p>")
                + "<select class=\"govuk-select" + (error == null ? "" : " govuk-select--error") + "\" id=\"" + name + "\" name=\"" + name + "\""
                + (error == null ? "" : " aria-describedby=\"" + name + "-error\"") + ">" + options + "</select></div>\n";
    }

    private Profile profile(FindForm f) {
        Profile.Builder b = Profile.builder().age(Integer.parseInt(f.age())).postcode(f.postcode());
        if (f.need() != null) b.need(f.need());
        if (f.language() != null) b.languages(f.language());
        if (f.home() != null) b.home(f.home());
        b.delivery(f.delivery().stream().map(Delivery::parse).toArray(Delivery[]::new));
        return b.build();
    }

    private void search(Context ctx) {
        String lang = langOf(ctx);
        FindForm f = readFind(ctx, lang, false);
        String title = Messages.get(lang, "results");
        if (!f.errors().isEmpty()) {
            ctx.status(400).html(Layout.page(lang, Messages.get(lang, "error.title") + ": " + Messages.get(lang, "find.title"), here(ctx),
                    Layout.errorSummary(lang, f.errors()) + "<h1 class=\"govuk-heading-xl\">" + esc(Messages.get(lang, "find.title")) + "</h1>\n" + findForm(lang, f, "/search", false)));
            return;
        }
        int page = 1;
        try { page = Math.max(1, Math.min(50, Integer.parseInt(ctx.queryParam("page")))); } catch (NumberFormatException ignored) { }
        MatchResult r = directory.matcher().match(profile(f), page * PER_PAGE, false);
        StringBuilder b = new StringBuilder("<h1 class=\"govuk-heading-xl\">").append(esc(title)).append("</h1>\n");
        String where = r.host() == null ? f.postcode().toUpperCase()
                : r.place().districtCouncil() == null ? r.host().name(lang) : inCounty(lang, r.place().districtCouncil().name(lang), r.host());
        b.append("<p class=\"govuk-body-l\">").append(esc(String.format(Messages.get(lang, "results.count"), r.eligible(), where))).append("</p>\n");
        b.append("<details class=\"govuk-details app-no-print\"><summary class=\"govuk-details__summary\"><span class=\"govuk-details__summary-text\">")
                .append(esc(Messages.get(lang, "search"))).append("</span></summary><div class=\"govuk-details__text\">").append(findForm(lang, f, "/search", false)).append("</div></details>\n");
        if (r.results().isEmpty()) {
            b.append("<div class=\"govuk-inset-text\"><p class=\"govuk-body\">").append(esc(Messages.get(lang, "results.none"))).append("</p><p class=\"govuk-body\">")
                    .append(esc(Messages.get(lang, "results.relax"))).append("</p></div>\n");
        }
        List<Ranking.Scored> shown = r.results().subList(Math.min(r.results().size(), (page - 1) * PER_PAGE), r.results().size());
        b.append("<ol class=\"govuk-list\" start=\"").append((page - 1) * PER_PAGE + 1).append("\">\n");
        for (Ranking.Scored s : shown) b.append("<li>").append(result(s, lang)).append("</li>\n");
        b.append("</ol>\n");
        b.append(pagination(ctx, lang, page, r.eligible()));
        ctx.html(Layout.page(lang, title, here(ctx), b.toString()));
    }

    private String pagination(Context ctx, String lang, int page, int total) {
        int pages = (total + PER_PAGE - 1) / PER_PAGE;
        if (pages <= 1) return "";
        String base = "/search?" + (ctx.queryString() == null ? "" : ctx.queryString().replaceAll("(^|&)page=\\d+", ""));
        StringBuilder b = new StringBuilder("<nav class=\"govuk-pagination app-no-print\" aria-label=\"Pagination\">");
        if (page > 1) b.append("<div class=\"govuk-pagination__prev\"><a class=\"govuk-link govuk-pagination__link\" href=\"").append(esc(base + "&page=" + (page - 1)))
                .append("\" rel=\"prev\"><span class=\"govuk-pagination__link-title\">").append(esc(Messages.get(lang, "previous"))).append("</span></a></div>");
        if (page < Math.min(pages, 50)) b.append("<div class=\"govuk-pagination__next\"><a class=\"govuk-link govuk-pagination__link\" href=\"").append(esc(base + "&page=" + (page + 1)))
                .append("\" rel=\"next\"><span class=\"govuk-pagination__link-title\">").append(esc(Messages.get(lang, "next"))).append("</span></a></div>");
        return b.append("</nav>\n").toString();
    }

    private String result(Ranking.Scored s, String lang) {
        Service svc = s.service();
        StringBuilder b = new StringBuilder("<div class=\"app-result\">");
        b.append("<h2 class=\"govuk-heading-m\"><a class=\"govuk-link\" href=\"/services/").append(svc.id()).append("\">").append(esc(svc.name(lang))).append("</a></h2>");
        if (svc.provenance().illustrative()) b.append("<p class=\"govuk-body app-illustrative\">").append(esc(Messages.get(lang, "illustrative"))).append("</p>");
        b.append("<p class=\"govuk-body\">").append(esc(svc.description(lang))).append("</p>");
        if (s.distanceKm() != null && !svc.isRemote())
            b.append("<p class=\"govuk-body-s\">").append(esc(String.format(Locale.ROOT, Messages.get(lang, "away"), s.distanceKm()))).append("</p>");
        b.append("<h3 class=\"govuk-heading-s\">").append(esc(Messages.get(lang, "why"))).append("</h3><ul class=\"govuk-list govuk-list--bullet\">");
        for (String reason : text.reasons(s.reasons())) b.append("<li>").append(esc(reason)).append("</li>");
        b.append("</ul>");
        if (!s.warnings().isEmpty()) {
            b.append("<h3 class=\"govuk-heading-s\">").append(esc(Messages.get(lang, "watch"))).append("</h3><ul class=\"govuk-list govuk-list--bullet app-warning\">");
            for (String w : text.warnings(s.warnings())) b.append("<li>").append(esc(w)).append("</li>");
            b.append("</ul>");
        }
        return b.append("</div>").toString();
    }

    // ---- service ----

    private void service(Context ctx) {
        String lang = langOf(ctx);
        Optional<Service> found;
        try {
            found = directory.service(UUID.fromString(ctx.pathParam("id")));
        } catch (IllegalArgumentException e) {
            found = Optional.empty();
        }
        if (found.isEmpty()) { notFoundPage(ctx); return; }
        Service s = found.get();
        var e = s.eligibility();
        StringBuilder b = new StringBuilder("<h1 class=\"govuk-heading-xl\">").append(esc(s.name(lang))).append("</h1>");
        if (s.provenance().illustrative()) b.append("<p class=\"govuk-body app-illustrative\">").append(esc(Messages.get(lang, "illustrative"))).append("</p>");
        b.append("<h2 class=\"govuk-heading-m\">").append(esc(Messages.get(lang, "offer"))).append("</h2><p class=\"govuk-body\">").append(esc(s.description(lang))).append("</p>");
        if (s.organisation() != null) b.append("<p class=\"govuk-body\">").append(esc(s.organisation())).append("</p>");
        b.append("<ul class=\"govuk-list govuk-list--bullet\">");
        for (String n : s.needs().stream().sorted().toList()) b.append("<li>").append(esc(vocabulary.label("need", n, lang))).append("</li>");
        b.append("</ul>");
        b.append("<h2 class=\"govuk-heading-m\">").append(esc(Messages.get(lang, "who"))).append("</h2><dl class=\"govuk-summary-list\">");
        row(b, Messages.get(lang, "ages"), e.ages().isAny() ? Messages.get(lang, "all.ages") : e.ages().toString());
        row(b, Messages.get(lang, "home.accepts"), e.acceptsAnyHomeAuthority() ? Messages.get(lang, "home.any")
                : String.join(", ", e.acceptsHomeAuthorities().stream().map(c -> directory.authority(c).map(a -> a.name(lang)).orElse(c)).sorted().toList()));
        row(b, Messages.get(lang, "area"), switch (e.residence().kind()) {
            case NATIONAL -> Messages.get(lang, "anywhere");
            case AUTHORITIES -> String.join(", ", e.residence().authorities().stream().map(c -> directory.authority(c).map(a -> a.name(lang)).orElse(c)).sorted().toList());
            case RADIUS -> String.format(Locale.ROOT, "%.0f km", e.residence().radiusKm());
            case CATCHMENT -> "Catchment area";
        });
        if (!e.statuses().isEmpty()) row(b, "Status", String.join(", ", e.statuses().stream().map(c -> vocabulary.label("status", c, lang)).toList()));
        if (!e.exclusions().isEmpty()) row(b, "Not for", String.join(", ", e.exclusions().stream().map(c -> vocabulary.label("circumstance", c, lang)).toList()));
        b.append("</dl>");
        b.append("<h2 class=\"govuk-heading-m\">").append(esc(Messages.get(lang, "getin"))).append("</h2><dl class=\"govuk-summary-list\">");
        row(b, Messages.get(lang, "getin"), s.access().threshold() == null ? "—" : vocabulary.label("threshold", s.access().threshold(), lang));
        if (s.access().referral() != null) row(b, "", s.access().referral());
        if (s.access().waitWeeks() != null) row(b, "", String.format(Messages.get(lang, "wait"), s.access().waitWeeks()));
        row(b, Messages.get(lang, "delivery"), String.join(", ", s.delivery().stream().map(d -> vocabulary.label("delivery", d.code(), lang)).sorted().toList()));
        row(b, Messages.get(lang, "languages"), String.join(", ", s.languages().languages().stream().map(l -> Locale.forLanguageTag(l).getDisplayLanguage(Locale.UK)).sorted().toList())
                + (s.languages().interpreter() ? " (+ interpreters)" : ""));
        row(b, Messages.get(lang, "hours"), s.hours().open24x7() ? "24/7" : s.hours().description() == null ? "—" : s.hours().description());
        if (!s.contact().phones().isEmpty()) rawRow(b, Messages.get(lang, "phone"), String.join(" or ", s.contact().phones().stream().map(Html::tel).toList()));
        if (s.contact().email() != null) rawRow(b, Messages.get(lang, "email"), Html.link("mailto:" + s.contact().email(), s.contact().email()));
        if (s.contact().website() != null) rawRow(b, Messages.get(lang, "website"), Html.link(s.contact().website(), s.contact().website()));
        b.append("</dl>");
        if (!s.locations().isEmpty()) {
            b.append("<h2 class=\"govuk-heading-m\">").append(esc(Messages.get(lang, "places"))).append("</h2><ul class=\"govuk-list\">");
            for (var l : s.locations())
                b.append("<li>").append(esc(String.join(", ", java.util.stream.Stream.of(l.name(), l.address(), l.postcode()).filter(x -> x != null).toList())))
                        .append(l.approximate() ? " (approximate)" : "").append("</li>");
            b.append("</ul>");
        }
        b.append("<h2 class=\"govuk-heading-m\">").append(esc(Messages.get(lang, "source"))).append("</h2><p class=\"govuk-body app-source\">")
                .append(Html.source(s.provenance(), directory, lang)).append("</p>");
        if (s.provenance().lastVerified() == null)
            b.append("<p class=\"govuk-body\">").append(esc(Messages.get(lang, "checked.never"))).append("</p>");
        ctx.html(Layout.page(lang, s.name(lang), here(ctx), b.toString()));
    }

    /** A summary row whose value is already HTML (links). */
    private static void rawRow(StringBuilder b, String key, String html) {
        b.append("<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">").append(esc(key))
                .append("</dt><dd class=\"govuk-summary-list__value\">").append(html).append("</dd></div>");
    }

    private static void row(StringBuilder b, String key, String value) {
        b.append("<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">").append(esc(key))
                .append("</dt><dd class=\"govuk-summary-list__value\">").append(esc(value)).append("</dd></div>");
    }

    // ---- authorities ----

    private void authorities(Context ctx) {
        String lang = langOf(ctx);
        StringBuilder b = new StringBuilder("<h1 class=\"govuk-heading-xl\">").append(esc(Messages.get(lang, "authorities"))).append("</h1>");
        b.append("<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/compare\">").append(esc(Messages.get(lang, "compare"))).append("</a></p>");
        for (String nation : List.of("England", "Wales")) {
            b.append("<h2 class=\"govuk-heading-m\">").append("cy".equals(lang) ? (nation.equals("England") ? "Lloegr" : "Cymru") : nation).append("</h2><ul class=\"govuk-list\">");
            directory.authorities().values().stream().filter(a -> a.nation().label().equals(nation)).sorted(Comparator.comparing(a -> a.name(lang)))
                    .forEach(a -> b.append("<li><a class=\"govuk-link\" href=\"/authorities/").append(a.code()).append("\">").append(esc(a.name(lang))).append("</a></li>"));
            b.append("</ul>");
        }
        ctx.html(Layout.page(lang, Messages.get(lang, "authorities"), here(ctx), b.toString()));
    }

    private void authority(Context ctx) {
        String lang = langOf(ctx);
        Optional<Authority> found = directory.authority(ctx.pathParam("gss"));
        if (found.isEmpty()) { notFoundPage(ctx); return; }
        Authority a = found.get();
        StringBuilder b = new StringBuilder("<h1 class=\"govuk-heading-xl\">").append(esc(String.format(Messages.get(lang, "offer.title"), a.name(lang)))).append("</h1>");
        b.append(team(lang, a, "offer.team"));
        b.append(entitlements(lang, directory.entitlements(a.code()), "offer.entitlements"));
        b.append(councilTax(lang, a));
        b.append("<h2 class=\"govuk-heading-l\">").append(esc(Messages.get(lang, "offer.review"))).append("</h2>").append(review(lang, a));
        List<Service> local = directory.services().values().stream().filter(s -> a.code().equals(s.authorityCode()))
                .sorted(Comparator.comparing(s -> s.name(lang))).toList();
        b.append("<h2 class=\"govuk-heading-l\">").append(esc(Messages.get(lang, "offer.services"))).append(" (").append(local.size()).append(")</h2><ul class=\"govuk-list\">");
        for (Service s : local)
            b.append("<li><a class=\"govuk-link\" href=\"/services/").append(s.id()).append("\">").append(esc(s.name(lang))).append("</a>")
                    .append(s.provenance().illustrative() ? " <span class=\"govuk-body-s\">(" + esc(Messages.get(lang, "illustrative")) + ")</span>" : "").append("</li>");
        b.append("</ul>");
        ctx.html(Layout.page(lang, a.name(lang), here(ctx), b.toString()));
    }

    private String team(String lang, Authority a, String headingKey) {
        var t = a.leavingCareTeam();
        StringBuilder b = new StringBuilder("<h2 class=\"govuk-heading-l\">").append(esc(Messages.get(lang, headingKey))).append("</h2>");
        if (a.localOfferUrl() != null)
            b.append("<p class=\"govuk-body\">").append(Html.link(a.localOfferUrl(), Messages.get(lang, "offer.page"))).append("</p>");
        if (t == null) {
            b.append("<p class=\"govuk-body\">").append(esc(String.format(Messages.get(lang, "team.unpublished"), a.officialName()))).append("</p>");
            return b.toString();
        }
        b.append("<p class=\"govuk-body\"><strong>").append(esc(t.name())).append("</strong>");
        if (!t.isTeamsOwn()) b.append(" <span class=\"govuk-body-s\">(").append(esc(Messages.get(lang, "route." + t.route()))).append(")</span>");
        b.append("</p><dl class=\"govuk-summary-list\">");
        if (!t.contact().phones().isEmpty()) rawRow(b, Messages.get(lang, "phone"), String.join(" or ", t.contact().phones().stream().map(Html::tel).toList()));
        if (t.contact().email() != null) rawRow(b, Messages.get(lang, "email"), Html.link("mailto:" + t.contact().email(), t.contact().email()));
        if (t.contact().website() != null) rawRow(b, Messages.get(lang, "website"), Html.link(t.contact().website(), t.contact().website()));
        if (t.hours() != null) row(b, Messages.get(lang, "hours"), t.hours());
        if (t.address() != null) row(b, Messages.get(lang, "address"), t.address());
        if (!t.outOfHoursPhones().isEmpty()) rawRow(b, Messages.get(lang, "out.of.hours"), String.join(" or ", t.outOfHoursPhones().stream().map(Html::tel).toList()));
        b.append("</dl><p class=\"govuk-body-s app-source\">").append(Html.source(t.provenance(), directory, lang)).append("</p>");
        return b.toString();
    }

    private String entitlements(String lang, List<Entitlement> list, String headingKey) {
        StringBuilder b = new StringBuilder("<h2 class=\"govuk-heading-l\">").append(esc(Messages.get(lang, headingKey))).append("</h2>");
        for (OfferArea area : OfferArea.values()) {
            List<Entitlement> in = list.stream().filter(e -> e.area() == area).toList();
            if (in.isEmpty()) continue;
            b.append("<h3 class=\"govuk-heading-m\">").append(esc(vocabulary.label("need", area.code(), lang))).append("</h3><ul class=\"govuk-list govuk-list--bullet\">");
            for (Entitlement e : in) {
                b.append("<li><strong>").append(esc(e.title(lang))).append("</strong>");
                if (e.detail() != null) b.append(": ").append(esc(e.detail()));
                if (e.amount() != null) b.append(" <strong>").append(esc(e.amount())).append("</strong>");
                b.append(" <span class=\"govuk-body-s\">(").append(esc(Messages.get(lang, e.statutory() ? "statutory" : "discretionary")));
                if (e.provenance().illustrative()) b.append("; ").append(esc(Messages.get(lang, "illustrative")));
                b.append(")<br>").append(Html.source(e.provenance(), directory, lang)).append("</span></li>");
            }
            b.append("</ul>");
        }
        return b.toString();
    }

    /** The needs nothing local meets: said plainly, with the national services that fit. */
    private String gaps(String lang, MatchResult r) {
        if (r.gaps().isEmpty()) return "";
        StringBuilder b = new StringBuilder("<h2 class=\"govuk-heading-m\">").append(esc(Messages.get(lang, "gaps"))).append("</h2><ul class=\"govuk-list govuk-list--bullet\">");
        for (var g : r.gaps()) {
            b.append("<li>").append(esc(String.format(Messages.get(lang, "gap"), vocabulary.label("need", g.need(), lang))));
            if (!g.national().isEmpty()) b.append(" ").append(esc(Messages.get(lang, "gap.national"))).append(" ")
                    .append(String.join(", ", g.national().stream().map(s -> "<a class=\"govuk-link\" href=\"/services/" + s.id() + "\">" + esc(s.name(lang)) + "</a>").toList()));
            b.append("</li>");
        }
        return b.append("</ul>").toString();
    }

    /** Council tax where the young person lives (the billing council's schemes) and what the home authority gives elsewhere. */
    private String councilTaxWhereTheyLive(String lang, MatchResult r) {
        var t = r.councilTax();
        if (t.billingCouncil() == null) return "";
        String council = directory.districtCouncils().council(t.billingCouncil()).map(d -> d.officialName()).orElse(t.billingCouncil());
        StringBuilder b = new StringBuilder("<h2 class=\"govuk-heading-m\">").append(esc(String.format(Messages.get(lang, "council.tax.there"), council))).append("</h2><ul class=\"govuk-list govuk-list--bullet\">");
        if (t.whereTheyLive().isEmpty() && t.fromHome().isEmpty()) b.append("<li>").append(esc(Messages.get(lang, "council.tax.none"))).append("</li>");
        for (var rule : t.whereTheyLive()) {
            String who = rule.applies() == null ? Messages.get(lang, "council.tax.ask") : Messages.get(lang, rule.applies() ? "council.tax.applies" : "council.tax.not.them");
            b.append("<li>").append(esc(rule.scheme().reduction())).append(" <strong>").append(esc(who)).append("</strong><br><span class=\"govuk-body-s\">")
                    .append(Html.source(rule.scheme().provenance(), directory, lang)).append("</span></li>");
        }
        for (var c : t.fromHome())
            b.append("<li>").append(esc(String.format(Messages.get(lang, "council.tax.from"), r.home() == null ? "" : r.home().name(lang)))).append(" ")
                    .append(esc(c.reduction())).append("<br><span class=\"govuk-body-s\">").append(Html.source(c.provenance(), directory, lang)).append("</span></li>");
        return b.append("</ul>").toString();
    }

    /** The care leavers' council tax schemes billed in this authority (or its districts), or for its own care leavers elsewhere. */
    private String councilTax(String lang, Authority a) {
        var schemes = directory.councilTaxSchemes().stream().filter(c -> c.careLeaversOf().contains(a.code())
                || a.code().equals(c.billingCouncil())
                || (c.billingCouncil() != null && directory.districtCouncils().council(c.billingCouncil()).map(d -> a.code().equals(d.authorityCode())).orElse(false))
                || (uk.localoffer.domain.CouncilTaxScheme.WALES.equals(c.billingCouncil()) && a.nation() == uk.localoffer.domain.Nation.WALES)).toList();
        StringBuilder b = new StringBuilder("<h2 class=\"govuk-heading-l\">").append(esc(Messages.get(lang, "council.tax"))).append("</h2>");
        if (schemes.isEmpty()) return b.append("<p class=\"govuk-body\">").append(esc(Messages.get(lang, "council.tax.none"))).append("</p>").toString();
        b.append("<ul class=\"govuk-list govuk-list--bullet\">");
        for (var c : schemes) {
            String where = c.billingCouncil() == null ? Messages.get(lang, "council.tax.elsewhere")
                    : uk.localoffer.domain.CouncilTaxScheme.WALES.equals(c.billingCouncil()) ? Messages.get(lang, "council.tax.wales")
                    : directory.districtCouncils().council(c.billingCouncil()).map(d -> d.officialName()).orElse(c.billingCouncil());
            b.append("<li><strong>").append(esc(where)).append("</strong>: ").append(esc(c.reduction()));
            if (!c.ages().isAny()) b.append(" (").append(esc(c.ages().toString())).append(")");
            if (c.howToApply() != null) b.append(". ").append(esc(c.howToApply()));
            b.append("<br><span class=\"govuk-body-s\">").append(Html.source(c.provenance(), directory, lang)).append("</span></li>");
        }
        return b.append("</ul>").toString();
    }

    private String review(String lang, Authority a) {
        List<ReviewRow> rows = directory.reviewRows().stream().filter(r -> r.authorityCodes().contains(a.code())).toList();
        if (rows.isEmpty()) return "<p class=\"govuk-body\">" + esc(Messages.get(lang, "offer.review.none")) + "</p>";
        StringBuilder b = new StringBuilder();
        for (ReviewRow r : rows) {
            b.append("<table class=\"govuk-table\"><caption class=\"govuk-table__caption govuk-table__caption--s\">").append(esc(r.rawName())).append(" (May 2022)</caption><tbody class=\"govuk-table__body\">");
            for (String flag : ReviewRow.FLAGS)
                b.append("<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">").append(esc(flag.replace('_', ' ')))
                        .append("</th><td class=\"govuk-table__cell\">").append(esc(Messages.get(lang, r.says(flag) ? "yes" : "no"))).append("</td></tr>");
            b.append("</tbody></table>");
        }
        return b.toString();
    }

    // ---- compare ----

    private void compare(Context ctx) {
        String lang = langOf(ctx);
        List<Authority> chosen = new ArrayList<>();
        for (String code : ctx.queryParams("gss")) directory.authority(code).ifPresent(a -> { if (!chosen.contains(a) && chosen.size() < 4) chosen.add(a); });
        StringBuilder b = new StringBuilder("<h1 class=\"govuk-heading-xl\">").append(esc(Messages.get(lang, "compare"))).append("</h1>");
        b.append("<form method=\"get\" action=\"/compare\"><fieldset class=\"govuk-fieldset\"><legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">")
                .append(esc(Messages.get(lang, "compare.choose"))).append("</legend>");
        for (int i = 0; i < 3; i++) {
            String sel = i < chosen.size() ? chosen.get(i).code() : null;
            b.append(select(lang, "gss-" + (i + 1), (i + 1) + ".", sel, null, authorityOptions(lang, sel, true)).replace("name=\"gss-" + (i + 1) + "\"", "name=\"gss\""));
        }
        b.append("<button class=\"govuk-button\" type=\"submit\">").append(esc(Messages.get(lang, "compare"))).append("</button></fieldset></form>");
        if (chosen.size() >= 2) {
            b.append("<table class=\"govuk-table\"><caption class=\"govuk-table__caption govuk-table__caption--m\">").append(esc(Messages.get(lang, "compare"))).append("</caption>")
                    .append("<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\"><td class=\"govuk-table__header\"></td>");
            for (Authority a : chosen) b.append("<th scope=\"col\" class=\"govuk-table__header\"><a class=\"govuk-link\" href=\"/authorities/").append(a.code()).append("\">").append(esc(a.name(lang))).append("</a></th>");
            b.append("</tr></thead><tbody class=\"govuk-table__body\">");
            for (String flag : ReviewRow.FLAGS) {
                b.append("<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">").append(esc(flag.replace('_', ' '))).append(" (May 2022)</th>");
                for (Authority a : chosen) {
                    List<ReviewRow> rows = directory.reviewRows().stream().filter(r -> r.authorityCodes().contains(a.code())).toList();
                    String v = rows.isEmpty() ? "—" : Messages.get(lang, rows.stream().anyMatch(r -> r.says(flag)) ? "yes" : "no");
                    b.append("<td class=\"govuk-table__cell\">").append(esc(v)).append("</td>");
                }
                b.append("</tr>");
            }
            for (OfferArea area : OfferArea.values()) {
                b.append("<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">").append(esc(vocabulary.label("need", area.code(), lang))).append("</th>");
                for (Authority a : chosen) {
                    b.append("<td class=\"govuk-table__cell\"><ul class=\"govuk-list\">");
                    directory.entitlements(a.code()).stream().filter(e -> e.area() == area).forEach(e -> b.append("<li>").append(esc(e.title(lang))).append("</li>"));
                    b.append("</ul></td>");
                }
                b.append("</tr>");
            }
            b.append("</tbody></table>");
        }
        b.append("<h2 class=\"govuk-heading-l\">").append(esc(Messages.get(lang, "map"))).append("</h2><div class=\"app-map\">").append(WellbeingMap.svg(directory, lang)).append("</div>");
        b.append("<h3 class=\"govuk-heading-s\">Key</h3><ul class=\"govuk-list\">");
        var counts = new LinkedHashMap<WellbeingMap.Shade, Integer>();
        WellbeingMap.shades(directory).values().forEach(s -> counts.merge(s, 1, Integer::sum));
        for (WellbeingMap.Shade s : WellbeingMap.Shade.values())
            b.append("<li><span class=\"app-key\" style=\"background:").append(s.colour).append("\"></span>").append(esc(s.label(lang))).append(" (").append(counts.getOrDefault(s, 0)).append(")</li>");
        b.append("</ul>");
        ctx.html(Layout.page(lang, Messages.get(lang, "compare"), here(ctx), b.toString()));
    }

    /** "Guildford Borough Council, in Surrey": a district council and the county it is in. */
    private static String inCounty(String lang, String district, Authority county) {
        return String.format(Messages.get(lang, "place.in"), district, county.name(lang));
    }

    // ---- PA out-of-area view ----

    private void outOfArea(Context ctx) {
        String lang = langOf(ctx);
        boolean submitted = ctx.queryParam("postcode") != null || ctx.queryParam("home") != null;
        StringBuilder b = new StringBuilder();
        FindForm f = submitted ? readFind(ctx, lang, true) : new FindForm(null, null, null, null, List.of(), null, Map.of());
        if (!f.errors().isEmpty()) {
            ctx.status(400);
            b.append(Layout.errorSummary(lang, f.errors()));
        }
        b.append("<h1 class=\"govuk-heading-xl\">").append(esc(Messages.get(lang, "pa"))).append("</h1><p class=\"govuk-body-l app-no-print\">").append(esc(Messages.get(lang, "pa.lead"))).append("</p>");
        if (!submitted || !f.errors().isEmpty()) {
            b.append(findForm(lang, f, "/out-of-area", true));
            ctx.html(Layout.page(lang, Messages.get(lang, "pa"), here(ctx), b.toString()));
            return;
        }
        MatchResult r;
        try {
            r = directory.matcher().match(profile(f), 10, false);
        } catch (Locator.UnknownPlaceException e) {
            notFoundPage(ctx);
            return;
        }
        b.append("<details class=\"govuk-details app-no-print\"><summary class=\"govuk-details__summary\"><span class=\"govuk-details__summary-text\">")
                .append(esc(Messages.get(lang, "search"))).append("</span></summary><div class=\"govuk-details__text\">").append(findForm(lang, f, "/out-of-area", true)).append("</div></details>");
        b.append("<h2 class=\"govuk-heading-l\">").append(esc(Messages.get(lang, "pa.shortlist"))).append("</h2>");
        String host = r.host() == null ? f.postcode().toUpperCase() : r.host().name(lang);
        b.append("<p class=\"govuk-body-l\">").append(esc(String.format(Messages.get(lang, "pa.host"), host))).append(" <span class=\"govuk-body-s\">(")
                .append(esc(Messages.get(lang, "pa.method." + r.place().hostMethod()))).append(")</span></p>");
        if (r.place().districtCouncil() != null)
            b.append("<p class=\"govuk-body\">").append(esc(String.format(Messages.get(lang, "pa.district"),
                    inCounty(lang, r.place().districtCouncil().officialName(), r.host())))).append("</p>");
        if (r.host() != null) b.append(team(lang, r.host(), "pa.hostteam"));
        b.append("<h2 class=\"govuk-heading-l\">").append(esc(Messages.get(lang, "pa.services"))).append("</h2>");
        if (r.results().isEmpty())
            b.append("<div class=\"govuk-inset-text\"><p class=\"govuk-body\">").append(esc(Messages.get(lang, "results.none"))).append(" ").append(esc(Messages.get(lang, "results.relax"))).append("</p></div>");
        b.append("<ol class=\"govuk-list\">");
        for (Ranking.Scored s : r.results()) b.append("<li>").append(result(s, lang)).append("</li>");
        b.append("</ol>");
        if (r.excludedCount() > 0) b.append("<p class=\"govuk-body-s\">").append(esc(String.format(Messages.get(lang, "excluded"), r.excludedCount()))).append("</p>");
        b.append(gaps(lang, r));
        b.append(entitlements(lang, r.homeOffer(), "pa.homeoffer"));
        b.append(councilTaxWhereTheyLive(lang, r));
        b.append("<p class=\"govuk-body app-no-print\">").append(esc(Messages.get(lang, "pa.print"))).append(": Ctrl+P</p>");
        ctx.html(Layout.page(lang, Messages.get(lang, "pa.shortlist"), here(ctx), b.toString()));
    }
}
