package uk.localoffer.server.pages;

import io.javalin.http.Context;
import uk.localoffer.directory.Directory;
import uk.localoffer.geo.Locator;
import uk.localoffer.match.MatchResult;
import uk.localoffer.match.Ranking;

import static uk.localoffer.server.pages.Html.esc;

/** The PA's view of someone placed out of area: where they live, that area's team and services, and what the home offer still gives. */
record OutOfAreaPage(Directory directory, Forms forms, Sections sections) {


    void show(Context ctx) {
        String lang = PageRoutes.lang(ctx);
        boolean submitted = ctx.queryParam("postcode") != null || ctx.queryParam("home") != null;
        StringBuilder b = new StringBuilder();
        FindForm f = submitted ? FindForm.read(ctx, lang, true, directory) : FindForm.EMPTY;
        if (!f.errors().isEmpty()) {
            ctx.status(400);
            b.append(Layout.errorSummary(lang, f.errors()));
        }
        b.append("<h1 class=\"govuk-heading-xl\">").append(esc(Messages.get(lang, "pa"))).append("</h1><p class=\"govuk-body-l app-no-print\">").append(esc(Messages.get(lang, "pa.lead"))).append("</p>");
        if (!submitted || !f.errors().isEmpty()) {
            b.append(forms.findForm(lang, f, "/out-of-area", true));
            ctx.html(Layout.page(lang, Messages.get(lang, "pa"), PageRoutes.here(ctx), b.toString()));
            return;
        }
        MatchResult r;
        try {
            r = directory.matcher().match(f.profile(), 10, false);
        } catch (Locator.UnknownPlaceException e) {
            PageRoutes.notFound(ctx);
            return;
        }
        b.append("<details class=\"govuk-details app-no-print\"><summary class=\"govuk-details__summary\"><span class=\"govuk-details__summary-text\">")
                .append(esc(Messages.get(lang, "search"))).append("</span></summary><div class=\"govuk-details__text\">").append(forms.findForm(lang, f, "/out-of-area", true)).append("</div></details>");
        b.append("<h2 class=\"govuk-heading-l\">").append(esc(Messages.get(lang, "pa.shortlist"))).append("</h2>");
        String host = r.host() == null ? f.postcode().toUpperCase() : r.host().name(lang);
        b.append("<p class=\"govuk-body-l\">").append(esc(String.format(Messages.get(lang, "pa.host"), host))).append(" <span class=\"govuk-body-s\">(")
                .append(esc(Messages.get(lang, "pa.method." + r.place().hostMethod()))).append(")</span></p>");
        if (r.place().districtCouncil() != null)
            b.append("<p class=\"govuk-body\">").append(esc(String.format(Messages.get(lang, "pa.district"),
                    Sections.inCounty(lang, r.place().districtCouncil().officialName(), r.host())))).append("</p>");
        // The host team's published way in comes first: it knows what the area offers.
        if (r.host() != null) b.append("<div class=\"govuk-inset-text app-host-team\"><p class=\"govuk-body\">").append(esc(Messages.get(lang, "pa.hostteam.lead")))
                .append("</p>").append(sections.team(lang, r.host(), "pa.hostteam")).append("</div>");
        b.append("<h2 class=\"govuk-heading-l\">").append(esc(Messages.get(lang, "pa.services"))).append("</h2>");
        if (r.results().isEmpty())
            b.append("<div class=\"govuk-inset-text\"><p class=\"govuk-body\">").append(esc(Messages.get(lang, "results.none"))).append(" ").append(esc(Messages.get(lang, "results.relax"))).append("</p></div>");
        b.append("<ol class=\"govuk-list\">");
        for (Ranking.Scored s : r.results()) b.append("<li>").append(sections.result(s, lang)).append("</li>");
        b.append("</ol>");
        b.append(sections.inEnglishOnly(lang, r));
        if (r.excludedCount() > 0) b.append("<p class=\"govuk-body-s\">").append(esc(String.format(Messages.get(lang, "excluded"), r.excludedCount()))).append("</p>");
        b.append(sections.gaps(lang, r));
        b.append(sections.entitlements(lang, r.homeOffer(), "pa.homeoffer"));
        b.append(sections.councilTaxWhereTheyLive(lang, r));
        // The young person's own (home) team is the PA's: shown apart, never ranked among the services.
        if (r.outOfArea()) b.append("<div class=\"app-home-team\">").append(sections.team(lang, r.home(), "pa.hometeam")).append("</div>");
        b.append("<p class=\"govuk-body app-no-print\">").append(esc(Messages.get(lang, "pa.print"))).append(": Ctrl+P</p>");
        ctx.html(Layout.page(lang, Messages.get(lang, "pa.shortlist"), PageRoutes.here(ctx), b.toString()));
    }
}
