package uk.localoffer.server.pages;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import uk.localoffer.directory.Directory;
import uk.localoffer.server.http.ErrorMapper;
import uk.localoffer.server.http.Lang;
import uk.localoffer.server.text.MatchText;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The public pages: server-rendered HTML from JTE templates (src/main/jte) with GOV.UK Frontend
 * styles, no JavaScript and no inline style, English and Welsh. Each page reads its form, calls the
 * matcher or the directory, and renders its template; nothing typed is stored or logged, and the
 * only cookie is the language choice.
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
    private final ShortlistPage shortlist;
    private final Pages pages;

    public PageRoutes(Directory directory) {
        pages = new Pages(directory, new MatchText(directory.vocabulary(), code -> directory.authority(code).orElse(null)));
        search = new SearchPages(directory, pages);
        service = new ServicePage(directory, pages);
        history = new HistoryPage(directory, pages);
        authorities = new AuthorityPages(directory, pages);
        compare = new ComparePage(directory, pages);
        outOfArea = new OutOfAreaPage(directory, pages);
        shortlist = new ShortlistPage(directory, pages);
    }

    /** Registers the pages; the paths registered, as GET routes ("/authorities/{gss}"). */
    public List<String> register(RoutesConfig routes) {
        Map<String, Handler> pages = new LinkedHashMap<>();
        pages.put("/", search::find);
        pages.put("/search", search::search);
        pages.put("/services/{id}", service::show);
        pages.put("/services/{id}/history", history::show);
        pages.put("/authorities", authorities::list);
        pages.put("/authorities/{gss}", authorities::show);
        pages.put("/compare", compare::show);
        pages.put("/out-of-area", outOfArea::show);
        pages.put("/shortlist", shortlist::show);
        pages.put("/feedback", this::feedback);
        pages.put("/language", LanguageSwitch::handle);
        pages.forEach(routes::get);
        return List.copyOf(pages.keySet());
    }

    private void feedback(Context ctx) {
        ctx.html(Templates.render("feedback.jte", pages.words(ctx), "here", here(ctx)));
    }

    /** A page answer that is not found, as HTML. */
    public static void notFound(Context ctx) { errorPage(ctx, 404); }

    /** A page's error answer: {@code status} and the error page in the request's language. */
    public static void errorPage(Context ctx, int status) {
        ErrorMapper.markAnswered(ctx);
        ctx.status(status).html(errorHtml(lang(ctx), status));
    }

    /** The error page for {@code status} in {@code lang}: what went wrong and a way back to the start. */
    public static String errorHtml(String lang, int status) {
        String key = status == 404 ? "notfound" : Messages.has("error." + status) ? "error." + status : status >= 500 ? "error.500" : "error.400";
        Words t = Words.of(lang);
        return Templates.render("error.jte", t, "heading", t.get(key));
    }

    /** The page's language; a page always answers, in English when ?lang is neither en nor cy. */
    static String lang(Context ctx) { return Lang.orEnglish(ctx); }

    /** This page's path and query, for the language switch to come back to. */
    static String here(Context ctx) {
        return ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
    }
}
