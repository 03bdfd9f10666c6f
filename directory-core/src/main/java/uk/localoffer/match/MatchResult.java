package uk.localoffer.match;

import uk.localoffer.domain.Authority;
import uk.localoffer.domain.Entitlement;
import uk.localoffer.domain.Service;
import uk.localoffer.geo.Place;

import java.util.List;

/**
 * The answer to one profile: where the young person is, the ranked services they can use, the
 * responsible authority's entitlements that still apply there (with its nation's statutory ones),
 * council tax where they live, the needs nothing local meets, and what was left out.
 *
 * @param eligible      how many services the ranked list holds in all (the eligible ones, less those set apart)
 * @param inEnglishOnly when English is not usable: how many eligible services are in English only, with no interpreter
 *                      (set apart from the ranked list and only counted)
 * @param homeTeam      in out-of-area mode: the home authority's own leaving care team where it is also a service (set
 *                      apart: the home team is shown on its own, never ranked)
 */
public record MatchResult(Place place, Authority home, Authority host, boolean outOfArea, List<Ranking.Scored> results,
                          int eligible, int excludedCount, List<Excluded> excluded, List<Entitlement> homeOffer,
                          CouncilTax councilTax, List<Gap> gaps, int inEnglishOnly, List<Service> homeTeam) {

    /**
     * A need no service in the young person's area meets (only national or remote ones, or none):
     * said plainly, with the national services that fit and the host authority's way in.
     */
    public record Gap(String need, List<Service> national) { }

    /** A service that meets a need but that this young person cannot use, and why. */
    public record Excluded(Service service, List<Exclusion> reasons) { }
}
