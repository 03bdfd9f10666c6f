package uk.localoffer.server.pages;

import io.javalin.http.Context;
import uk.localoffer.directory.Directory;
import uk.localoffer.match.MatchResult;
import uk.localoffer.match.Ranking;
import uk.localoffer.server.http.Paging;

import java.util.List;

import static uk.localoffer.server.pages.Html.esc;

/** Find support: the form, and the results with reasons and warnings, ten a page. */
record SearchPages(Directory directory, Forms forms, Sections sections) {


    static final int PER_PAGE = 10;

    void find(Context ctx) {
        String lang = PageRoutes.lang(ctx);
        ctx.html(Layout.page(lang, Messages.get(lang, "find.title"), PageRoutes.here(ctx),
                "<h1 class=\"govuk-heading-xl\">" + esc(Messages.get(lang, "find.title")) + "</h1>\n<p class=\"govuk-body-l\">"
                        + esc(Messages.get(lang, "find.lead")) + "</p>\n" + forms.findForm(lang, FindForm.EMPTY, "/search", false)));
    }


    void search(Context ctx) {
        String lang = PageRoutes.lang(ctx);
        FindForm f = FindForm.read(ctx, lang, false, directory);
        String title = Messages.get(lang, "results");
        if (!f.errors().isEmpty()) {
            ctx.status(400).html(Layout.page(lang, Messages.get(lang, "error.title") + ": " + Messages.get(lang, "find.title"), PageRoutes.here(ctx),
                    Layout.errorSummary(lang, f.errors()) + "<h1 class=\"govuk-heading-xl\">" + esc(Messages.get(lang, "find.title")) + "</h1>\n" + forms.findForm(lang, f, "/search", false)));
            return;
        }
        int page = 1;
        try { page = Math.max(1, Math.min(50, Integer.parseInt(ctx.queryParam("page")))); } catch (NumberFormatException ignored) { }
        MatchResult r = directory.matcher().match(f.profile(), page * PER_PAGE, false);
        StringBuilder b = new StringBuilder("<h1 class=\"govuk-heading-xl\">").append(esc(title)).append("</h1>\n");
        String where = r.host() == null ? f.postcode().toUpperCase()
                : r.place().districtCouncil() == null ? r.host().name(lang) : Sections.inCounty(lang, r.place().districtCouncil().name(lang), r.host());
        b.append("<p class=\"govuk-body-l\">").append(esc(String.format(Messages.get(lang, "results.count"), r.eligible(), where))).append("</p>\n");
        b.append("<details class=\"govuk-details app-no-print\"><summary class=\"govuk-details__summary\"><span class=\"govuk-details__summary-text\">")
                .append(esc(Messages.get(lang, "search"))).append("</span></summary><div class=\"govuk-details__text\">").append(forms.findForm(lang, f, "/search", false)).append("</div></details>\n");
        if (r.results().isEmpty()) {
            b.append("<div class=\"govuk-inset-text\"><p class=\"govuk-body\">").append(esc(Messages.get(lang, "results.none"))).append("</p><p class=\"govuk-body\">")
                    .append(esc(Messages.get(lang, "results.relax"))).append("</p></div>\n");
        }
        List<Ranking.Scored> shown = r.results().subList(Math.min(r.results().size(), (page - 1) * PER_PAGE), r.results().size());
        b.append("<ol class=\"govuk-list\" start=\"").append((page - 1) * PER_PAGE + 1).append("\">\n");
        for (Ranking.Scored s : shown) b.append("<li>").append(sections.result(s, lang)).append("</li>\n");
        b.append("</ol>\n");
        b.append(sections.inEnglishOnly(lang, r));
        b.append(pagination(ctx, lang, page, r.eligible()));
        ctx.html(Layout.page(lang, title, PageRoutes.here(ctx), b.toString()));
    }

    private String pagination(Context ctx, String lang, int page, int total) {
        int pages = Paging.pageCount(total, PER_PAGE);
        if (pages <= 1) return "";
        String base = "/search?" + (ctx.queryString() == null ? "" : ctx.queryString().replaceAll("(^|&)page=\\d+", ""));
        StringBuilder b = new StringBuilder("<nav class=\"govuk-pagination app-no-print\" aria-label=\"Pagination\">");
        if (page > 1) b.append("<div class=\"govuk-pagination__prev\"><a class=\"govuk-link govuk-pagination__link\" href=\"").append(esc(base + "&page=" + (page - 1)))
                .append("\" rel=\"prev\"><span class=\"govuk-pagination__link-title\">").append(esc(Messages.get(lang, "previous"))).append("</span></a></div>");
        if (page < Math.min(pages, 50)) b.append("<div class=\"govuk-pagination__next\"><a class=\"govuk-link govuk-pagination__link\" href=\"").append(esc(base + "&page=" + (page + 1)))
                .append("\" rel=\"next\"><span class=\"govuk-pagination__link-title\">").append(esc(Messages.get(lang, "next"))).append("</span></a></div>");
        return b.append("</nav>\n").toString();
    }

}
