package uk.localoffer.server.api;

import io.javalin.http.Context;
import uk.localoffer.directory.Directory;
import uk.localoffer.domain.Authority;
import uk.localoffer.geo.Place;
import uk.localoffer.geo.Postcodes;
import uk.localoffer.server.http.JsonBody;
import uk.localoffer.server.http.Lang;
import uk.localoffer.server.http.Params;
import uk.localoffer.server.http.Routes;

import java.util.Set;

/** GET /api/v1/postcodes/{postcode}: where a postcode is, and its authority and district council. */
record PostcodesApi(Directory directory, Formats formats) {


    void register(Routes r) {
        r.get(ApiRoutes.BASE + "/postcodes/{postcode}", this::postcode);
    }

    private void postcode(Context ctx) {
        Params.of(ctx, Set.of());
        String lang = Lang.of(ctx);
        String raw = ctx.pathParam("postcode");
        Place place = Places.locate(directory, "postcode", raw);
        Postcodes.Parsed parsed = Postcodes.parse(raw).orElseThrow();
        Authority a = place.hostAuthority() == null ? null : directory.authority(place.hostAuthority()).orElse(null);
        String nation = parsed.full() ? directory.postcodes().postcode(parsed).orElseThrow().nation()
                : directory.postcodes().district(parsed.outcode()).orElseThrow().nation();
        String note = a != null ? null : parsed.normalised() + " is in " + nation + ", outside England and Wales: this directory holds the local"
                + " offers of English and Welsh authorities only, so only national and remote services apply there";
        JsonBody.send(ctx, new Answers.PostcodeAnswer(parsed.normalised(), parsed.outcode(), Formats.round5(place.point().lat()),
                Formats.round5(place.point().lon()), place.source(), nation, nation.equals("England") || nation.equals("Wales"),
                formats.authorityRef(a, lang), place.hostMethod(), Formats.districtCouncil(place.districtCouncil(), lang), note));
    }
}
