package uk.localoffer.server.pages;

import io.javalin.http.Context;
import uk.localoffer.directory.Directory;
import uk.localoffer.domain.Authority;
import uk.localoffer.domain.OfferArea;
import uk.localoffer.domain.ReviewRow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import static uk.localoffer.server.pages.Html.esc;

/** Councils side by side: the May 2022 review and each area of their offers, and the map. */
record ComparePage(Directory directory, Forms forms) {


    void show(Context ctx) {
        String lang = PageRoutes.lang(ctx);
        List<Authority> chosen = new ArrayList<>();
        for (String code : ctx.queryParams("gss")) directory.authority(code).ifPresent(a -> { if (!chosen.contains(a) && chosen.size() < 4) chosen.add(a); });
        StringBuilder b = new StringBuilder("<h1 class=\"govuk-heading-xl\">").append(esc(Messages.get(lang, "compare"))).append("</h1>");
        b.append("<form method=\"get\" action=\"/compare\"><fieldset class=\"govuk-fieldset\"><legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">")
                .append(esc(Messages.get(lang, "compare.choose"))).append("</legend>");
        for (int i = 0; i < 3; i++) {
            String sel = i < chosen.size() ? chosen.get(i).code() : null;
            b.append(Forms.select(lang, "gss-" + (i + 1), (i + 1) + ".", sel, null, forms.authorityOptions(lang, sel, true)).replace("name=\"gss-" + (i + 1) + "\"", "name=\"gss\""));
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
                    List<ReviewRow> rows = directory.reviewRows(a.code());
                    String v = rows.isEmpty() ? "—" : Messages.get(lang, rows.stream().anyMatch(r -> r.says(flag)) ? "yes" : "no");
                    b.append("<td class=\"govuk-table__cell\">").append(esc(v)).append("</td>");
                }
                b.append("</tr>");
            }
            for (OfferArea area : OfferArea.values()) {
                b.append("<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">").append(esc(directory.vocabulary().label("need", area.code(), lang))).append("</th>");
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
            b.append("<li><svg class=\"app-key\" viewBox=\"0 0 14 14\" aria-hidden=\"true\" focusable=\"false\"><rect width=\"14\" height=\"14\" fill=\"").append(s.colour).append("\"/></svg>").append(esc(s.label(lang))).append(" (").append(counts.getOrDefault(s, 0)).append(")</li>");
        b.append("</ul>");
        ctx.html(Layout.page(lang, Messages.get(lang, "compare"), PageRoutes.here(ctx), b.toString()));
    }

    /** "Guildford Borough Council, in Surrey": a district council and the county it is in. */
}
