package uk.localoffer.server.pages;

import io.javalin.http.Context;
import uk.localoffer.directory.Directory;
import uk.localoffer.match.MatchResult;
import uk.localoffer.match.Ranking;
import uk.localoffer.server.http.Paging;

import java.util.List;

/** Find support: the form (filled in again from its address to change a search), and the results, ten a page. */
record SearchPages(Directory directory, Pages pages) {
    static final int PER_PAGE = 10;

    void find(Context ctx) {
        Words t = pages.words(ctx);
        FindForm f = FindForm.sent(ctx) ? FindForm.read(ctx, t.lang(), false, directory).withoutErrors() : FindForm.EMPTY;
        ctx.html(Templates.render("find.jte", t, "f", f, "here", PageRoutes.here(ctx)));
    }

    void search(Context ctx) {
        Words t = pages.words(ctx);
        FindForm f = FindForm.read(ctx, t.lang(), false, directory);
        if (!f.errors().isEmpty()) {
            ctx.status(400).html(Templates.render("find.jte", t, "f", f, "here", PageRoutes.here(ctx)));
            return;
        }
        int page = 1;
        try { page = Math.max(1, Math.min(50, Integer.parseInt(ctx.queryParam("page")))); } catch (NumberFormatException ignored) { }
        MatchResult r = directory.matcher().match(f.profile(), page * PER_PAGE, false);
        String where = r.host() == null ? f.postcode().toUpperCase(java.util.Locale.ROOT)
                : r.place().districtCouncil() == null ? r.host().name(t.lang()) : t.inCounty(r.place().districtCouncil().name(t.lang()), r.host());
        List<Ranking.Scored> shown = r.results().subList(Math.min(r.results().size(), (page - 1) * PER_PAGE), r.results().size());
        int pages = Math.min(50, Paging.pageCount(r.eligible(), PER_PAGE));
        String base = "/search?" + f.query() + "&page=";
        ctx.html(Templates.render("results.jte", t, "f", f, "r", r, "where", where, "shown", shown, "first", (page - 1) * PER_PAGE + 1,
                "previous", page > 1 ? base + (page - 1) : null, "next", page < pages ? base + (page + 1) : null, "here", PageRoutes.here(ctx)));
    }
}
