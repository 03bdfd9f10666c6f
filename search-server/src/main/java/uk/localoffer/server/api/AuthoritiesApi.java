package uk.localoffer.server.api;

import io.javalin.http.Context;
import uk.localoffer.directory.Directory;
import uk.localoffer.domain.Authority;
import uk.localoffer.domain.Entitlement;
import uk.localoffer.domain.OfferArea;
import uk.localoffer.domain.ReviewRow;
import uk.localoffer.domain.Service;
import uk.localoffer.server.http.BadRequestException;
import uk.localoffer.server.http.JsonBody;
import uk.localoffer.server.http.Lang;
import uk.localoffer.server.http.NotFoundException;
import uk.localoffer.server.http.Params;
import uk.localoffer.server.http.Routes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The children's services authorities: a list, one authority's offer in detail, and two to six compared. */
record AuthoritiesApi(Directory directory, Formats formats) {


    void register(Routes r) {
        r.get(ApiRoutes.BASE + "/authorities", this::authorities);
        r.get(ApiRoutes.BASE + "/authorities/compare", this::compare);
        r.get(ApiRoutes.BASE + "/authorities/{gss}", this::authority);
    }

    private void authorities(Context ctx) {
        Params p = Params.of(ctx, Set.of("nation", "region", "search"));
        String lang = Lang.of(ctx);
        String nation = p.text("nation"), region = p.text("region"), search = p.text("search");
        if (nation != null && !nation.equals("England") && !nation.equals("Wales"))
            throw BadRequestException.parameter("nation", "nation must be England or Wales, got '" + nation + "'");
        List<Answers.AuthoritySummary> out = new ArrayList<>();
        for (Authority a : directory.authorities().values()) {
            if (nation != null && !a.nation().label().equals(nation)) continue;
            if (region != null && !a.region().equalsIgnoreCase(region)) continue;
            if (search != null && !a.name().toLowerCase().contains(search.toLowerCase()) && !a.name(lang).toLowerCase().contains(search.toLowerCase())) continue;
            out.add(new Answers.AuthoritySummary(a.code(), a.name(lang), a.nation().label(), a.region(), a.kind(), a.centroid().lat(), a.centroid().lon()));
        }
        out.sort(Comparator.comparing(Answers.AuthoritySummary::name));
        JsonBody.send(ctx, new Answers.Authorities(out.size(), out));
    }

    private void authority(Context ctx) {
        Params.of(ctx, Set.of());
        String code = ctx.pathParam("gss");
        Authority a = directory.authority(code).orElseThrow(() -> new NotFoundException("no authority has GSS code '" + code + "'"));
        JsonBody.send(ctx, detail(a, Lang.of(ctx)));
    }

    private void compare(Context ctx) {
        Params p = Params.of(ctx, Set.of("gss"));
        List<String> codes = p.all("gss");
        if (codes.size() < 2) throw BadRequestException.parameter("gss", "give at least two authorities to compare (gss=E08000012&gss=E08000007)");
        if (codes.size() > 6) throw BadRequestException.parameter("gss", "compare at most six authorities at once");
        String lang = Lang.of(ctx);
        List<Answers.AuthorityDetail> out = new ArrayList<>();
        for (String c : codes)
            out.add(detail(directory.authority(c).orElseThrow(() -> BadRequestException.parameter("gss", "unknown authority GSS code '" + c + "'")), lang));
        JsonBody.send(ctx, new Answers.Comparison(out));
    }

    private Answers.AuthorityDetail detail(Authority a, String lang) {
        Map<String, List<Answers.Entitlement>> byArea = new LinkedHashMap<>();
        for (OfferArea area : OfferArea.values()) byArea.put(area.code(), new ArrayList<>());
        for (Entitlement e : directory.entitlements(a.code())) byArea.get(e.area().code()).add(formats.entitlement(e, lang));
        List<Answers.ReviewRow> reviews = new ArrayList<>();
        for (ReviewRow r : directory.reviewRows(a.code())) {
            Map<String, Boolean> flags = new LinkedHashMap<>();
            for (String f : ReviewRow.FLAGS) flags.put(f, r.says(f));
            reviews.add(new Answers.ReviewRow(r.rawName(), "2022-05", flags, r.flags(), r.claPer10000(), r.ofstedRating(), r.linkNote()));
        }
        Map<String, Integer> byNeed = new TreeMap<>();
        List<Service> local = directory.servicesOf(a.code());
        for (Service s : local) for (String n : s.needs()) byNeed.merge(n, 1, Integer::sum);
        return new Answers.AuthorityDetail(a.code(), a.name(lang), a.nameCy(), a.nation().label(), a.region(), a.kind(), a.officialName(),
                new Answers.Centroid(a.centroid().lat(), a.centroid().lon()), directory.boundaries().boundary(a.code()).isPresent(),
                a.localOfferUrl(), formats.team(a, lang), directory.routes(a.code()).stream().map(r -> formats.route(r, lang)).toList(),
                directory.councilTaxOf(a).stream().map(c -> formats.councilTaxScheme(c, lang)).toList(), byArea, reviews,
                local.size(), byNeed);
    }
}
