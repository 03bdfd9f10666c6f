package uk.localoffer.server.pages;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import uk.localoffer.directory.Directory;
import uk.localoffer.server.http.ErrorMapper;
import uk.localoffer.server.http.Lang;
import uk.localoffer.server.text.MatchText;

import static uk.localoffer.server.pages.Html.esc;

/**
 * The public pages: server-rendered HTML with GOV.UK Frontend styles, no JavaScript needed,
 * English and Welsh. Each page reads its form, calls the matcher or the directory, and writes
 * HTML; nothing typed is stored or logged, and the only cookie is the language choice.
 */
public final class PageRoutes {
    /** The GOV.UK Frontend webjar the pages are styled with. */
    public static final String FRONTEND_VERSION = "5.11.0";

    private final SearchPages search;
    private final ServicePage service;
    private final HistoryPage history;
    private final AuthorityPages authorities;
    private final ComparePage compare;
    private final OutOfAreaPage outOfArea;

    public PageRoutes(Directory directory) {
        Forms forms = new Forms(directory);
        Sections sections = new Sections(directory, new MatchText(directory.vocabulary(), code -> directory.authority(code).orElse(null)));
        search = new SearchPages(directory, forms, sections);
        service = new ServicePage(directory);
        history = new HistoryPage(directory);
        authorities = new AuthorityPages(directory, sections);
        compare = new ComparePage(directory, forms);
        outOfArea = new OutOfAreaPage(directory, forms, sections);
    }

    public void register(RoutesConfig routes) {
        routes.get("/", search::find);
        routes.get("/search", search::search);
        routes.get("/services/{id}", service::show);
        routes.get("/services/{id}/history", history::show);
        routes.get("/authorities", authorities::list);
        routes.get("/authorities/{gss}", authorities::show);
        routes.get("/compare", compare::show);
        routes.get("/out-of-area", outOfArea::show);
        routes.get("/language", LanguageSwitch::handle);
    }

    /** A page answer that is not found, as HTML. */
    public static void notFound(Context ctx) {
        String lang = lang(ctx);
        ErrorMapper.markAnswered(ctx);
        ctx.status(404).html(Layout.page(lang, Messages.get(lang, "notfound"), "/",
                "<h1 class=\"govuk-heading-l\">" + esc(Messages.get(lang, "notfound")) + "</h1><p class=\"govuk-body\">"
                        + esc(Messages.get(lang, "notfound.body")) + " <a class=\"govuk-link\" href=\"/\">" + esc(Messages.get(lang, "find.title")) + "</a></p>"));
    }

    /** The page's language; a page always answers, in English when ?lang is neither en nor cy. */
    static String lang(Context ctx) { return Lang.orEnglish(ctx); }

    /** This page's path and query, for the language switch to come back to. */
    static String here(Context ctx) {
        return ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
    }
}
