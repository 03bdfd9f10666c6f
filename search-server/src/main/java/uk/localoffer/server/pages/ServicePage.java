package uk.localoffer.server.pages;

import io.javalin.http.Context;
import uk.localoffer.directory.Directory;
import uk.localoffer.domain.Service;
import uk.localoffer.server.text.SourceText;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import static uk.localoffer.server.pages.Html.esc;

/** One service: what it offers, who can use it, how to get in, where, and where the facts come from. */
record ServicePage(Directory directory) {


    void show(Context ctx) {
        String lang = PageRoutes.lang(ctx);
        Optional<Service> found;
        try {
            found = directory.service(UUID.fromString(ctx.pathParam("id")));
        } catch (IllegalArgumentException e) {
            found = Optional.empty();
        }
        if (found.isEmpty()) { PageRoutes.notFound(ctx); return; }
        Service s = found.get();
        var e = s.eligibility();
        StringBuilder b = new StringBuilder("<h1 class=\"govuk-heading-xl\">").append(esc(s.name(lang))).append("</h1>");
        if (s.provenance().illustrative()) b.append("<p class=\"govuk-body app-illustrative\">").append(esc(Messages.get(lang, "illustrative"))).append("</p>");
        b.append("<h2 class=\"govuk-heading-m\">").append(esc(Messages.get(lang, "offer"))).append("</h2><p class=\"govuk-body\">").append(esc(s.description(lang))).append("</p>");
        if (s.organisation() != null) b.append("<p class=\"govuk-body\">").append(esc(s.organisation())).append("</p>");
        b.append("<ul class=\"govuk-list govuk-list--bullet\">");
        for (String n : s.needs().stream().sorted().toList()) b.append("<li>").append(esc(directory.vocabulary().label("need", n, lang))).append("</li>");
        b.append("</ul>");
        b.append("<h2 class=\"govuk-heading-m\">").append(esc(Messages.get(lang, "who"))).append("</h2><dl class=\"govuk-summary-list\">");
        Html.row(b, Messages.get(lang, "ages"), e.ages().isAny() ? Messages.get(lang, "all.ages") : e.ages().toString());
        Html.row(b, Messages.get(lang, "home.accepts"), e.acceptsAnyHomeAuthority() ? Messages.get(lang, "home.any")
                : String.join(", ", e.acceptsHomeAuthorities().stream().map(c -> directory.authority(c).map(a -> a.name(lang)).orElse(c)).sorted().toList()));
        Html.row(b, Messages.get(lang, "area"), switch (e.residence().kind()) {
            case NATIONAL -> Messages.get(lang, "anywhere");
            case AUTHORITIES -> String.join(", ", e.residence().authorities().stream().map(c -> directory.authority(c).map(a -> a.name(lang)).orElse(c)).sorted().toList());
            case RADIUS -> String.format(Locale.ROOT, "%.0f km", e.residence().radiusKm());
            case CATCHMENT -> "Catchment area";
        });
        if (!e.statuses().isEmpty()) Html.row(b, "Status", String.join(", ", e.statuses().stream().map(c -> directory.vocabulary().label("status", c, lang)).toList()));
        if (!e.exclusions().isEmpty()) Html.row(b, "Not for", String.join(", ", e.exclusions().stream().map(c -> directory.vocabulary().label("circumstance", c, lang)).toList()));
        b.append("</dl>");
        b.append("<h2 class=\"govuk-heading-m\">").append(esc(Messages.get(lang, "getin"))).append("</h2><dl class=\"govuk-summary-list\">");
        Html.row(b, Messages.get(lang, "getin"), s.access().threshold() == null ? "—" : directory.vocabulary().label("threshold", s.access().threshold(), lang));
        if (s.access().referral() != null) Html.row(b, "", s.access().referral());
        if (s.access().waitWeeks() != null) Html.row(b, "", String.format(Messages.get(lang, "wait"), s.access().waitWeeks()));
        Html.row(b, Messages.get(lang, "delivery"), String.join(", ", s.delivery().stream().map(d -> directory.vocabulary().label("delivery", d.code(), lang)).sorted().toList()));
        Html.row(b, Messages.get(lang, "languages"), String.join(", ", s.languages().languages().stream().map(l -> Locale.forLanguageTag(l).getDisplayLanguage(Locale.UK)).sorted().toList())
                + (s.languages().interpreter() ? " (+ interpreters)" : ""));
        Html.row(b, Messages.get(lang, "hours"), s.hours().open24x7() ? "24/7" : s.hours().description() == null ? "—" : s.hours().description());
        if (!s.contact().phones().isEmpty()) Html.rawRow(b, Messages.get(lang, "phone"), String.join(" or ", s.contact().phones().stream().map(Html::tel).toList()));
        if (s.contact().email() != null) Html.rawRow(b, Messages.get(lang, "email"), Html.link("mailto:" + s.contact().email(), s.contact().email()));
        if (s.contact().website() != null) Html.rawRow(b, Messages.get(lang, "website"), Html.link(s.contact().website(), s.contact().website()));
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
        b.append("<p class=\"govuk-body app-checked\">").append(esc(checked(s.provenance(), directory, lang))).append("</p>");
        b.append("<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/services/").append(s.id()).append("/history\">")
                .append(esc(Messages.get(lang, "history.link"))).append("</a></p>");
        ctx.html(Layout.page(lang, s.name(lang), PageRoutes.here(ctx), b.toString()));
    }

    /** "Last checked by Liverpool City Council on 3 December 2026"; "Last checked on …" when who checked is not known; or never. */
    static String checked(uk.localoffer.domain.Provenance p, Directory directory, String lang) {
        if (p.lastVerified() == null) return Messages.get(lang, "checked.never");
        String day = SourceText.date(p.lastVerified(), lang);
        if (p.verifiedBy() == null) return String.format(Messages.get(lang, "checked.on"), day);
        String who = directory.authority(p.verifiedBy()).map(a -> a.officialName() != null ? a.officialName() : a.name(lang)).orElse(p.verifiedBy());
        return String.format(Messages.get(lang, "checked.by"), who, day);
    }
}
