package uk.localoffer.server.pages;

import io.javalin.http.Context;
import uk.localoffer.directory.Directory;
import uk.localoffer.domain.Authority;
import uk.localoffer.domain.CouncilTaxScheme;
import uk.localoffer.domain.Service;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The councils: the list, and one council's local offer. */
record AuthorityPages(Directory directory, Pages pages) {

    void list(Context ctx) {
        Words t = pages.words(ctx);
        Map<String, List<Authority>> byNation = new LinkedHashMap<>();
        for (String nation : List.of("England", "Wales"))
            byNation.put(nation, directory.authorities().values().stream().filter(a -> a.nation().label().equals(nation))
                    .sorted(Comparator.comparing(t::name)).toList());
        ctx.html(Templates.render("authorities.jte", t, "byNation", byNation, "here", PageRoutes.here(ctx)));
    }

    void show(Context ctx) {
        Optional<Authority> found = directory.authority(ctx.pathParam("gss"));
        if (found.isEmpty()) { PageRoutes.notFound(ctx); return; }
        Words t = pages.words(ctx);
        Authority a = found.get();
        List<Service> local = directory.servicesOf(a.code()).stream().sorted(Comparator.comparing(s -> s.name(t.lang()))).toList();
        ctx.html(Templates.render("authority.jte", t, "a", a, "entitlements", directory.entitlements(a.code()), "councilTax", directory.councilTaxOf(a),
                "review", directory.reviewRows(a.code()), "services", local, "here", PageRoutes.here(ctx)));
    }

    /** The council that bills a scheme: a district by name, every Welsh council, or "for its care leavers elsewhere". */
    static String billedBy(Words t, CouncilTaxScheme c) {
        if (c.billingCouncil() == null) return t.get("council.tax.elsewhere");
        if (CouncilTaxScheme.WALES.equals(c.billingCouncil())) return t.get("council.tax.wales");
        return t.directory().districtCouncils().council(c.billingCouncil()).map(d -> d.officialName())
                .orElseGet(() -> t.authority(c.billingCouncil()));
    }
}
