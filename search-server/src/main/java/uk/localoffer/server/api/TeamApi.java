package uk.localoffer.server.api;

import io.javalin.http.Context;
import uk.localoffer.directory.Directory;
import uk.localoffer.domain.Authority;
import uk.localoffer.domain.AuthorityRoute;
import uk.localoffer.server.http.JsonBody;
import uk.localoffer.server.http.NotFoundException;
import uk.localoffer.server.http.Params;
import uk.localoffer.server.http.Routes;
import uk.localoffer.upkeep.AuthorityWrites;
import uk.localoffer.upkeep.Due;
import uk.localoffer.upkeep.Versions;
import uk.localoffer.upkeep.Writable;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * An authority's own leaving care team contact (its row of authority-routes.csv as JSON, with its
 * version; the authority's key writes it), and the authority's records due for checking
 * ({@code dueMonths}: how long since a record was checked makes it due, unless ?months says otherwise).
 */
record TeamApi(Directory directory, int dueMonths) {
    void register(Routes r, Keys keys, AuthorityWrites writes) {
        String path = ApiRoutes.BASE + "/authorities/{gss}/leaving-care-team";
        r.get(path, this::team);
        new RecordWrites<>(directory, keys, writes, Writable.TEAM, ctx -> authority(ctx).code(),
                (ctx, t, tag) -> Tags.answer(ctx, tag, Writable.TEAM.representation(t))).register(r, path);
        r.get(ApiRoutes.BASE + "/authorities/{gss}/due", this::due);
    }

    private Authority authority(Context ctx) {
        String code = ctx.pathParam("gss");
        return directory.authority(code).orElseThrow(() -> new NotFoundException("no authority has GSS code '" + code + "'"));
    }

    private void team(Context ctx) {
        Params.of(ctx, Set.of());
        Authority a = authority(ctx);
        AuthorityRoute team = directory.routes(a.code()).stream().filter(x -> x.kind() == AuthorityRoute.Kind.LEAVING_CARE_TEAM).findFirst()
                .orElseThrow(() -> new NotFoundException("no leaving care team contact of " + a.name() + " is published here: its key can PUT one"));
        Tags.get(ctx, Versions.tag(team), Writable.TEAM.representation(team));
    }

    private void due(Context ctx) {
        Params p = Params.of(ctx, Set.of("months"));
        Authority a = authority(ctx);
        Integer asked = p.integer("months", 1, 120);
        int months = asked == null ? dueMonths : asked;
        LocalDate today = LocalDate.now(directory.clock());
        List<Due.Item> due = Due.of(directory.servicesOf(a.code()), directory.entitlements(a.code()), directory.routes(a.code()), months, today);
        JsonBody.send(ctx, new WriteAnswers.Due(a.code(), months, today.toString(), due.size(), due.stream().map(TeamApi::record).toList()));
    }

    private static WriteAnswers.DueRecord record(Due.Item i) {
        String href = switch (i.kind()) {
            case "service" -> ApiRoutes.BASE + "/services/" + i.id();
            case "entitlement" -> ApiRoutes.BASE + "/entitlements/" + i.id();
            default -> ApiRoutes.BASE + "/authorities/" + i.id() + "/leaving-care-team";
        };
        return new WriteAnswers.DueRecord(i.kind(), i.id(), i.name(), i.lastVerified() == null ? null : i.lastVerified().toString(), i.verifiedBy(),
                i.monthsSince(), href);
    }
}
