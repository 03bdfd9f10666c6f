package uk.localoffer.server.api;

import io.javalin.http.Context;
import uk.localoffer.directory.Directory;
import uk.localoffer.oruk.Oruk;
import uk.localoffer.oruk.OrukSchemas;
import uk.localoffer.upkeep.ApiKeys;
import uk.localoffer.upkeep.AuthorityWrites;
import uk.localoffer.server.http.JsonBody;
import uk.localoffer.server.http.Params;
import uk.localoffer.server.http.Routes;
import uk.localoffer.server.text.MatchText;

import java.util.Set;

/**
 * The JSON API: Open Referral UK 3.0 at /api/v1 plus the matcher, authorities and postcodes.
 * Each resource reads and checks its request, calls core, and writes its answer; nothing here
 * ranks or filters.
 */
public final class ApiRoutes {
    public static final String BASE = "/api/v1";
    /** Where an authority sends a whole file, and the largest it may be. */
    public static final String IMPORTS = ImportsApi.PATH;
    public static final long MAX_IMPORT_BYTES = ImportsApi.MAX_BYTES;

    private final Directory directory;
    private final int dueMonths;

    /** {@code dueMonths}: how long since a record was checked makes it due for checking, unless a request says otherwise. */
    public ApiRoutes(Directory directory, int dueMonths) {
        this.directory = directory;
        this.dueMonths = dueMonths;
    }

    public void register(Routes r) {
        Oruk oruk = new Oruk(directory.vocabulary(), code -> directory.authority(code).orElse(null), directory.weights().staleMonths(), directory.clock());
        Taxonomy taxonomy = new Taxonomy(directory.vocabulary());
        Formats formats = new Formats(directory);
        Keys keys = new Keys(new ApiKeys(directory.store(), directory.clock()));
        AuthorityWrites writes = new AuthorityWrites(directory.store(), directory.vocabulary(), OrukSchemas.embedded(), directory::authorities,
                directory.clock());
        r.get(BASE + "/", this::apiDetails);
        new ServicesApi(directory, oruk, taxonomy).register(r, keys, writes);
        new EntitlementsApi(directory).register(r, keys, writes);
        new TeamApi(directory, dueMonths).register(r, keys, writes);
        new ImportsApi(directory, writes).register(r, keys);
        new OrganizationsApi(directory, oruk).register(r);
        new TaxonomiesApi(directory.vocabulary(), oruk, taxonomy).register(r);
        new MatchApi(directory, formats, new MatchText(directory.vocabulary(), code -> directory.authority(code).orElse(null))).register(r);
        new AuthoritiesApi(directory, formats).register(r);
        new PostcodesApi(directory, formats).register(r);
    }

    private void apiDetails(Context ctx) {
        Params.of(ctx, Set.of());
        JsonBody.send(ctx, new Answers.ApiDetails("3.0", "https://openreferraluk.org/specifications/3.0", ctx.scheme() + "://" + ctx.host() + "/openapi.json"));
    }

    /** What GET /health answers: the directory is loaded, with how many services and authorities. */
    public static Answers.Health health(Directory directory) {
        return new Answers.Health("ok", directory.serviceCount(), directory.authorities().size());
    }
}
