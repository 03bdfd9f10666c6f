package uk.localoffer.server.pages;

import io.javalin.http.Context;
import uk.localoffer.directory.Directory;
import uk.localoffer.upkeep.History;
import uk.localoffer.upkeep.Writable;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static uk.localoffer.server.pages.Html.esc;

/**
 * Every change to one service, newest first: when, what happened, which council (or which load of
 * published pages) made it, and the facts it changed, before and after.
 */
record HistoryPage(Directory directory) {
    private static final ZoneId UK = ZoneId.of("Europe/London");

    void show(Context ctx) {
        String lang = PageRoutes.lang(ctx);
        UUID id;
        try {
            id = UUID.fromString(ctx.pathParam("id"));
        } catch (IllegalArgumentException e) {
            PageRoutes.notFound(ctx);
            return;
        }
        List<History.Entry> entries = new ArrayList<>(History.of(directory.store(), Writable.SERVICE, id.toString()));
        if (entries.isEmpty()) { PageRoutes.notFound(ctx); return; }
        Collections.reverse(entries);
        String name = directory.service(id).map(s -> s.name(lang)).orElse(Messages.get(lang, "history.withdrawn.service"));
        String title = String.format(Messages.get(lang, "history.title"), name);
        StringBuilder b = new StringBuilder("<h1 class=\"govuk-heading-xl\">").append(esc(title)).append("</h1>");
        if (directory.service(id).isPresent())
            b.append("<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/services/").append(id).append("\">")
                    .append(esc(Messages.get(lang, "history.back"))).append("</a></p>");
        b.append("<table class=\"govuk-table\"><thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">");
        for (String h : List.of("history.when", "history.what", "history.who", "history.fields"))
            b.append("<th scope=\"col\" class=\"govuk-table__header\">").append(esc(Messages.get(lang, h))).append("</th>");
        b.append("</tr></thead><tbody class=\"govuk-table__body\">");
        DateTimeFormatter when = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", "cy".equals(lang) ? Locale.forLanguageTag("cy") : Locale.UK);
        for (History.Entry e : entries) {
            b.append("<tr class=\"govuk-table__row\"><td class=\"govuk-table__cell\">").append(esc(when.format(e.at().atZone(UK))))
                    .append("</td><td class=\"govuk-table__cell\">").append(esc(Messages.get(lang, "change." + e.change())))
                    .append("</td><td class=\"govuk-table__cell\">").append(esc(who(e, lang)))
                    .append("</td><td class=\"govuk-table__cell\">").append(fields(e, lang)).append("</td></tr>");
        }
        b.append("</tbody></table>");
        ctx.html(Layout.page(lang, title, PageRoutes.here(ctx), b.toString()));
    }

    /** The council whose key made the change, or the load of published pages it came from. */
    private String who(History.Entry e, String lang) {
        if (e.authority() != null)
            return directory.authority(e.authority()).map(a -> a.officialName() != null ? a.officialName() : a.name(lang)).orElse(e.authority());
        return String.format(Messages.get(lang, "change.import"), e.source());
    }

    private static String fields(History.Entry e, String lang) {
        if (e.change().equals("added")) return esc(String.format(Messages.get(lang, "change.all.fields"), e.fields().size()));
        StringBuilder b = new StringBuilder("<ul class=\"govuk-list\">");
        for (History.FieldChange f : e.fields())
            b.append("<li><strong>").append(esc(f.field().replace('_', ' '))).append("</strong>: ").append(esc(f.before() == null ? "—" : f.before()))
                    .append(" → ").append(esc(f.after() == null ? "—" : f.after())).append("</li>");
        return b.append("</ul>").toString();
    }
}
