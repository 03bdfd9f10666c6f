package uk.localoffer.server.api;

import io.javalin.http.Context;
import uk.localoffer.directory.Directory;
import uk.localoffer.geo.Locator;
import uk.localoffer.match.MatchResult;
import uk.localoffer.server.http.BadRequestException;
import uk.localoffer.server.http.JsonBody;
import uk.localoffer.server.http.Lang;
import uk.localoffer.server.http.Params;
import uk.localoffer.server.http.Routes;
import uk.localoffer.server.text.MatchText;

import java.util.Set;

/** POST /api/v1/match: the request read ({@link MatchRequest}), matched, and written ({@link MatchResponse}). Nothing of it is kept or logged. */
record MatchApi(Directory directory, Formats formats, MatchText text) {


    void register(Routes r) {
        r.post(ApiRoutes.BASE + "/match", this::match);
    }

    private void match(Context ctx) {
        Params p = Params.of(ctx, Set.of("explain"));
        boolean explain = p.bool("explain");
        String lang = Lang.of(ctx);
        MatchRequest request = MatchRequest.parse(JsonBody.read(ctx), directory.vocabulary(), code -> directory.authority(code).isPresent());
        MatchResult r;
        try {
            r = directory.matcher().match(request.profile(), request.limit(), explain);
        } catch (Locator.UnknownPlaceException e) {
            throw BadRequestException.body("postcode", e.getMessage());
        }
        JsonBody.send(ctx, MatchResponse.of(r, explain, lang, formats, text, directory.vocabulary()));
    }
}
