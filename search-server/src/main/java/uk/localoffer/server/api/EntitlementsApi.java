package uk.localoffer.server.api;

import io.javalin.http.Context;
import uk.localoffer.directory.Directory;
import uk.localoffer.domain.Entitlement;
import uk.localoffer.server.http.NotFoundException;
import uk.localoffer.server.http.Params;
import uk.localoffer.server.http.Routes;
import uk.localoffer.upkeep.AuthorityWrites;
import uk.localoffer.upkeep.Versions;
import uk.localoffer.upkeep.Writable;

import java.util.Set;

/** One entitlement as its CSV row in JSON (docs/data-format.md), with its version; its authority's key writes it. */
record EntitlementsApi(Directory directory) {
    void register(Routes r, Keys keys, AuthorityWrites writes) {
        String path = ApiRoutes.BASE + "/entitlements/{id}";
        r.get(path, this::entitlement);
        new RecordWrites<>(directory, keys, writes, Writable.ENTITLEMENT, ctx -> Taxonomy.uuid("id", ctx.pathParam("id")).toString(),
                (ctx, e, tag) -> Tags.answer(ctx, tag, Writable.ENTITLEMENT.representation(e))).register(r, path);
    }

    private void entitlement(Context ctx) {
        Params.of(ctx, Set.of());
        Entitlement e = directory.entitlement(Taxonomy.uuid("id", ctx.pathParam("id")))
                .orElseThrow(() -> new NotFoundException("no entitlement has id " + ctx.pathParam("id")));
        Tags.get(ctx, Versions.tag(e), Writable.ENTITLEMENT.representation(e));
    }
}
