package uk.localoffer.server.api;

import io.javalin.http.Context;
import uk.localoffer.directory.Directory;
import uk.localoffer.domain.Service;
import uk.localoffer.index.Browse;
import uk.localoffer.index.BrowseQuery;
import uk.localoffer.oruk.Oruk;
import uk.localoffer.oruk.OrukJson;
import uk.localoffer.server.http.BadRequestException;
import uk.localoffer.server.http.JsonBody;
import uk.localoffer.server.http.Lang;
import uk.localoffer.server.http.NotFoundException;
import uk.localoffer.server.http.Paging;
import uk.localoffer.server.http.Params;
import uk.localoffer.server.http.Routes;
import uk.localoffer.upkeep.AuthorityWrites;
import uk.localoffer.upkeep.Versions;
import uk.localoffer.upkeep.Writable;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Open Referral UK services and their places (service_at_locations): list by the browse filters, or one by id. */
record ServicesApi(Directory directory, Oruk oruk, Taxonomy taxonomy) {
    /** service_at_locations pages through at most this many services' places. */
    static final int MAX_PLACES = 100_000;

    void register(Routes r, Keys keys, AuthorityWrites writes) {
        r.get(ApiRoutes.BASE + "/services", this::services);
        r.get(ApiRoutes.BASE + "/services/{id}", this::service);
        new RecordWrites<>(directory, keys, writes, Writable.SERVICE, ctx -> Taxonomy.uuid("id", ctx.pathParam("id")).toString(),
                (ctx, s, tag) -> Tags.answer(ctx, tag, oruk.service(directory.service(s.id()).orElse(s), Lang.of(ctx), true)))
                .register(r, ApiRoutes.BASE + "/services/{id}");
        r.get(ApiRoutes.BASE + "/service_at_locations", this::serviceAtLocations);
        r.get(ApiRoutes.BASE + "/service_at_locations/{id}", this::serviceAtLocation);
    }

    private static Params params(Context ctx, String... more) {
        Set<String> allowed = new HashSet<>(BrowseRequest.FILTERS);
        allowed.addAll(List.of(more));
        return Params.paged(ctx, allowed);
    }

    private void services(Context ctx) {
        Params p = params(ctx, "minimal", "full");
        String lang = Lang.of(ctx);
        Paging paging = Paging.of(p);
        Browse.Page page = directory.browse().search(BrowseRequest.read(p, paging, directory, taxonomy));
        boolean full = p.bool("full") && !p.bool("minimal");
        List<OrukJson.Service> contents = new ArrayList<>();
        for (Browse.Hit h : page.hits()) contents.add(oruk.service(h.service(), lang, full).withDistance(distance(h)));
        JsonBody.send(ctx, Pages.of(contents, page.total(), paging));
    }

    private void service(Context ctx) {
        Params.of(ctx, Set.of());
        Service s = directory.service(Taxonomy.uuid("id", ctx.pathParam("id")))
                .orElseThrow(() -> new NotFoundException("no service has id " + ctx.pathParam("id")));
        Tags.get(ctx, Versions.tag(s), oruk.service(s, Lang.of(ctx), true));
    }

    /** Every place of every matching service (services without a place have none), nearest first when a place was given. */
    private void serviceAtLocations(Context ctx) {
        Params p = params(ctx, "full", "postcode");
        String lang = Lang.of(ctx);
        Paging paging = Paging.of(p);
        String postcode = p.text("postcode");
        BrowseQuery q = BrowseRequest.read(p, new Paging(1, Integer.MAX_VALUE / 2), directory, taxonomy);
        if (postcode != null) q = q.near(Places.locate(directory, "postcode", postcode).point());
        else if (q.withinKm() != null && q.near() == null)
            throw BadRequestException.parameter("proximity", "proximity needs a postcode (or lat and lon) to measure from");
        Browse.Page page = directory.browse().search(q.page(1, MAX_PLACES));
        List<OrukJson.ServiceAtLocation> all = new ArrayList<>();
        for (Browse.Hit h : page.hits())
            for (int i = 0; i < h.service().locations().size(); i++) all.add(oruk.serviceAtLocation(h.service(), i, lang, p.bool("full")).withDistance(distance(h)));
        JsonBody.send(ctx, Pages.slice(all, paging));
    }

    private void serviceAtLocation(Context ctx) {
        Params.of(ctx, Set.of());
        var id = Taxonomy.uuid("id", ctx.pathParam("id"));
        Directory.ServiceAtLocation sal = directory.serviceAtLocation(id)
                .orElseThrow(() -> new NotFoundException("no service at location has id " + id));
        JsonBody.send(ctx, oruk.serviceAtLocation(sal.service(), sal.location(), Lang.of(ctx), true));
    }

    /** This directory's distance from the place searched from, when there was one. */
    private static Double distance(Browse.Hit h) {
        return h.distanceKm() == null ? null : Formats.round(h.distanceKm());
    }
}
