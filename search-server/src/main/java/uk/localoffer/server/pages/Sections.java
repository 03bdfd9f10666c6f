package uk.localoffer.server.pages;

import uk.localoffer.directory.Directory;
import uk.localoffer.domain.Authority;
import uk.localoffer.domain.Entitlement;
import uk.localoffer.domain.OfferArea;
import uk.localoffer.domain.ReviewRow;
import uk.localoffer.domain.Service;
import uk.localoffer.match.MatchResult;
import uk.localoffer.match.Ranking;
import uk.localoffer.server.text.MatchText;

import java.util.List;
import java.util.Locale;

import static uk.localoffer.server.pages.Html.esc;

/** The parts several pages show: a result, a leaving care team, an offer's entitlements, council tax, the review, the gaps. */
record Sections(Directory directory, MatchText text) {


    String result(Ranking.Scored s, String lang) {
        Service svc = s.service();
        StringBuilder b = new StringBuilder("<div class=\"app-result\">");
        b.append("<h2 class=\"govuk-heading-m\"><a class=\"govuk-link\" href=\"/services/").append(svc.id()).append("\">").append(esc(svc.name(lang))).append("</a></h2>");
        if (svc.provenance().illustrative()) b.append("<p class=\"govuk-body app-illustrative\">").append(esc(Messages.get(lang, "illustrative"))).append("</p>");
        b.append("<p class=\"govuk-body\">").append(esc(svc.description(lang))).append("</p>");
        if (s.distanceKm() != null && !svc.isRemote())
            b.append("<p class=\"govuk-body-s\">").append(esc(String.format(Locale.ROOT, Messages.get(lang, "away"), s.distanceKm()))).append("</p>");
        b.append("<h3 class=\"govuk-heading-s\">").append(esc(Messages.get(lang, "why"))).append("</h3><ul class=\"govuk-list govuk-list--bullet\">");
        for (String reason : text.reasons(s.reasons(), lang)) b.append("<li>").append(esc(reason)).append("</li>");
        b.append("</ul>");
        if (!s.warnings().isEmpty()) {
            b.append("<h3 class=\"govuk-heading-s\">").append(esc(Messages.get(lang, "watch"))).append("</h3><ul class=\"govuk-list govuk-list--bullet app-warning\">");
            for (String w : text.warnings(s.warnings(), lang)) b.append("<li>").append(esc(w)).append("</li>");
            b.append("</ul>");
        }
        return b.append("</div>").toString();
    }


    /** When English is not usable: how many services were left out as English only ("7 more in English only"). */
    String inEnglishOnly(String lang, MatchResult r) {
        if (r.inEnglishOnly() == 0) return "";
        return "<p class=\"govuk-body app-english-only\">" + esc(String.format(Locale.ROOT, MatchText.word(lang, "apart.english_only"), r.inEnglishOnly())) + "</p>\n";
    }

    String team(String lang, Authority a, String headingKey) {
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
        if (!t.contact().phones().isEmpty()) Html.rawRow(b, Messages.get(lang, "phone"), String.join(" or ", t.contact().phones().stream().map(Html::tel).toList()));
        if (t.contact().email() != null) Html.rawRow(b, Messages.get(lang, "email"), Html.link("mailto:" + t.contact().email(), t.contact().email()));
        if (t.contact().website() != null) Html.rawRow(b, Messages.get(lang, "website"), Html.link(t.contact().website(), t.contact().website()));
        if (t.hours() != null) Html.row(b, Messages.get(lang, "hours"), t.hours());
        if (t.address() != null) Html.row(b, Messages.get(lang, "address"), t.address());
        if (!t.outOfHoursPhones().isEmpty()) Html.rawRow(b, Messages.get(lang, "out.of.hours"), String.join(" or ", t.outOfHoursPhones().stream().map(Html::tel).toList()));
        b.append("</dl><p class=\"govuk-body-s app-source\">").append(Html.source(t.provenance(), directory, lang)).append("</p>");
        return b.toString();
    }

    String entitlements(String lang, List<Entitlement> list, String headingKey) {
        StringBuilder b = new StringBuilder("<h2 class=\"govuk-heading-l\">").append(esc(Messages.get(lang, headingKey))).append("</h2>");
        for (OfferArea area : OfferArea.values()) {
            List<Entitlement> in = list.stream().filter(e -> e.area() == area).toList();
            if (in.isEmpty()) continue;
            b.append("<h3 class=\"govuk-heading-m\">").append(esc(directory.vocabulary().label("need", area.code(), lang))).append("</h3><ul class=\"govuk-list govuk-list--bullet\">");
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
    String gaps(String lang, MatchResult r) {
        if (r.gaps().isEmpty()) return "";
        StringBuilder b = new StringBuilder("<h2 class=\"govuk-heading-m\">").append(esc(Messages.get(lang, "gaps"))).append("</h2><ul class=\"govuk-list govuk-list--bullet\">");
        for (var g : r.gaps()) {
            b.append("<li>").append(esc(String.format(Messages.get(lang, "gap"), directory.vocabulary().label("need", g.need(), lang))));
            if (!g.national().isEmpty()) b.append(" ").append(esc(Messages.get(lang, "gap.national"))).append(" ")
                    .append(String.join(", ", g.national().stream().map(s -> "<a class=\"govuk-link\" href=\"/services/" + s.id() + "\">" + esc(s.name(lang)) + "</a>").toList()));
            b.append("</li>");
        }
        return b.append("</ul>").toString();
    }

    /** Council tax where the young person lives (the billing council's schemes) and what the home authority gives elsewhere. */
    String councilTaxWhereTheyLive(String lang, MatchResult r) {
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
    String councilTax(String lang, Authority a) {
        var schemes = directory.councilTaxOf(a);
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

    String review(String lang, Authority a) {
        List<ReviewRow> rows = directory.reviewRows(a.code());
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


    static String inCounty(String lang, String district, Authority county) {
        return String.format(Messages.get(lang, "place.in"), district, county.name(lang));
    }

}
