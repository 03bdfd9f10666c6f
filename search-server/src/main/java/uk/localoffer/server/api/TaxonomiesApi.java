package uk.localoffer.server.api;

import io.javalin.http.Context;
import uk.localoffer.domain.Vocabulary;
import uk.localoffer.oruk.Oruk;
import uk.localoffer.oruk.OrukJson;
import uk.localoffer.server.http.JsonBody;
import uk.localoffer.server.http.Lang;
import uk.localoffer.server.http.NotFoundException;
import uk.localoffer.server.http.Paging;
import uk.localoffer.server.http.Params;
import uk.localoffer.server.http.Routes;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The vocabulary as Open Referral UK taxonomies and taxonomy terms. */
record TaxonomiesApi(Vocabulary vocabulary, Oruk oruk, Taxonomy taxonomy) {


    void register(Routes r) {
        r.get(ApiRoutes.BASE + "/taxonomies", this::taxonomies);
        r.get(ApiRoutes.BASE + "/taxonomies/{id}", this::taxonomy);
        r.get(ApiRoutes.BASE + "/taxonomy_terms", this::taxonomyTerms);
        r.get(ApiRoutes.BASE + "/taxonomy_terms/{id}", this::taxonomyTerm);
    }

    private void taxonomies(Context ctx) {
        Params p = Params.paged(ctx, List.of("search"));
        Paging paging = Paging.of(p);
        String search = p.text("search");
        List<OrukJson.Taxonomy> all = Oruk.TAXONOMIES.stream().map(oruk::taxonomy)
                .filter(t -> search == null || t.name().toLowerCase().contains(search.toLowerCase())).toList();
        JsonBody.send(ctx, Pages.slice(all, paging));
    }

    private void taxonomy(Context ctx) {
        Params.of(ctx, Set.of());
        UUID id = Taxonomy.uuid("id", ctx.pathParam("id"));
        JsonBody.send(ctx, oruk.taxonomy(taxonomy.kind(id).orElseThrow(() -> new NotFoundException("no taxonomy has id " + id))));
    }

    private void taxonomyTerms(Context ctx) {
        Params p = Params.paged(ctx, List.of("search", "taxonomy_id", "top_only", "parent_id"));
        Paging paging = Paging.of(p);
        String lang = Lang.of(ctx);
        String search = p.text("search"), taxonomyId = p.text("taxonomy_id"), parentId = p.text("parent_id");
        if (taxonomyId != null) Taxonomy.uuid("taxonomy_id", taxonomyId);
        if (parentId != null) Taxonomy.uuid("parent_id", parentId);
        boolean topOnly = p.bool("top_only");
        List<OrukJson.Term> all = new ArrayList<>();
        for (String kind : Oruk.TAXONOMIES) for (Vocabulary.Term t : vocabulary.terms(kind)) all.add(oruk.term(kind, t, lang));
        JsonBody.send(ctx, Pages.slice(all.stream()
                .filter(t -> search == null || t.name().toLowerCase().contains(search.toLowerCase()) || t.term().contains(search.toLowerCase()))
                .filter(t -> taxonomyId == null || taxonomyId.equals(t.taxonomyId()))
                .filter(t -> parentId == null || parentId.equals(t.parentId()))
                .filter(t -> !topOnly || t.parentId() == null)
                .toList(), paging));
    }

    private void taxonomyTerm(Context ctx) {
        Params.of(ctx, Set.of());
        UUID id = Taxonomy.uuid("id", ctx.pathParam("id"));
        Taxonomy.Term t = taxonomy.term(id).orElseThrow(() -> new NotFoundException("no taxonomy term has id " + id));
        JsonBody.send(ctx, oruk.term(t.kind(), vocabulary.term(t.kind(), t.code()), Lang.of(ctx)));
    }
}
