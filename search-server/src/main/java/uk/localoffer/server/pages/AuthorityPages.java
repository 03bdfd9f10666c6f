package uk.localoffer.server.pages;

import io.javalin.http.Context;
import uk.localoffer.directory.Directory;
import uk.localoffer.domain.Authority;
import uk.localoffer.domain.Service;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static uk.localoffer.server.pages.Html.esc;

/** The councils: the list, and one council's local offer. */
record AuthorityPages(Directory directory, Sections sections) {


    void list(Context ctx) {
        String lang = PageRoutes.lang(ctx);
        StringBuilder b = new StringBuilder("<h1 class=\"govuk-heading-xl\">").append(esc(Messages.get(lang, "authorities"))).append("</h1>");
        b.append("<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/compare\">").append(esc(Messages.get(lang, "compare"))).append("</a></p>");
        for (String nation : List.of("England", "Wales")) {
            b.append("<h2 class=\"govuk-heading-m\">").append("cy".equals(lang) ? (nation.equals("England") ? "Lloegr" : "Cymru") : nation).append("</h2><ul class=\"govuk-list\">");
            directory.authorities().values().stream().filter(a -> a.nation().label().equals(nation)).sorted(Comparator.comparing(a -> a.name(lang)))
                    .forEach(a -> b.append("<li><a class=\"govuk-link\" href=\"/authorities/").append(a.code()).append("\">").append(esc(a.name(lang))).append("</a></li>"));
            b.append("</ul>");
        }
        ctx.html(Layout.page(lang, Messages.get(lang, "authorities"), PageRoutes.here(ctx), b.toString()));
    }

    void show(Context ctx) {
        String lang = PageRoutes.lang(ctx);
        Optional<Authority> found = directory.authority(ctx.pathParam("gss"));
        if (found.isEmpty()) { PageRoutes.notFound(ctx); return; }
        Authority a = found.get();
        StringBuilder b = new StringBuilder("<h1 class=\"govuk-heading-xl\">").append(esc(String.format(Messages.get(lang, "offer.title"), a.name(lang)))).append("</h1>");
        b.append(sections.team(lang, a, "offer.team"));
        b.append(sections.entitlements(lang, directory.entitlements(a.code()), "offer.entitlements"));
        b.append(sections.councilTax(lang, a));
        b.append("<h2 class=\"govuk-heading-l\">").append(esc(Messages.get(lang, "offer.review"))).append("</h2>").append(sections.review(lang, a));
        List<Service> local = directory.servicesOf(a.code()).stream()
                .sorted(Comparator.comparing(s -> s.name(lang))).toList();
        b.append("<h2 class=\"govuk-heading-l\">").append(esc(Messages.get(lang, "offer.services"))).append(" (").append(local.size()).append(")</h2><ul class=\"govuk-list\">");
        for (Service s : local)
            b.append("<li><a class=\"govuk-link\" href=\"/services/").append(s.id()).append("\">").append(esc(s.name(lang))).append("</a>")
                    .append(s.provenance().illustrative() ? " <span class=\"govuk-body-s\">(" + esc(Messages.get(lang, "illustrative")) + ")</span>" : "").append("</li>");
        b.append("</ul>");
        ctx.html(Layout.page(lang, a.name(lang), PageRoutes.here(ctx), b.toString()));
    }

}
