package uk.localoffer.server.api;

import io.javalin.http.Context;
import uk.localoffer.directory.Directory;
import uk.localoffer.oruk.Oruk;
import uk.localoffer.oruk.OrukJson;
import uk.localoffer.server.http.JsonBody;
import uk.localoffer.server.http.Lang;
import uk.localoffer.server.http.NotFoundException;
import uk.localoffer.server.http.Paging;
import uk.localoffer.server.http.Params;
import uk.localoffer.server.http.Routes;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Open Referral UK organizations: whoever runs a service, listed by name or one by id (with its services). */
record OrganizationsApi(Directory directory, Oruk oruk) {


    void register(Routes r) {
        r.get(ApiRoutes.BASE + "/organizations", this::organizations);
        r.get(ApiRoutes.BASE + "/organizations/{id}", this::organization);
    }

    private void organizations(Context ctx) {
        Params p = Params.paged(ctx, List.of("search", "full_service", "full"));
        Paging paging = Paging.of(p);
        String search = p.text("search");
        List<OrukJson.Organization> all = directory.organisations().values().stream()
                .filter(n -> search == null || n.toLowerCase().contains(search.toLowerCase()))
                .sorted(String.CASE_INSENSITIVE_ORDER).map(oruk::organization).toList();
        JsonBody.send(ctx, Pages.slice(all, paging));
    }

    private void organization(Context ctx) {
        Params p = Params.of(ctx, Set.of("full_service"));
        UUID id = Taxonomy.uuid("id", ctx.pathParam("id"));
        String name = directory.organisation(id).orElseThrow(() -> new NotFoundException("no organization has id " + id));
        OrukJson.Organization o = oruk.organization(name);
        if (p.bool("full_service")) {
            String lang = Lang.of(ctx);
            o = o.withServices(directory.servicesBy(name).stream().map(s -> oruk.service(s, lang, true)).toList());
        }
        JsonBody.send(ctx, o);
    }
}
