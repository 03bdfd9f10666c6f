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
 */
public record MatchResult(Place place, Authority home, Authority host, boolean outOfArea, List<Ranking.Scored> results,
                          int eligible, int excludedCount, List<Excluded> excluded, List<Entitlement> homeOffer,
                          CouncilTax councilTax, List<Gap> gaps) {

    /**
     * A need no service in the young person's area meets (only national or remote ones, or none):
     * said plainly, with the national services that fit and the host authority's way in.
     */
    public record Gap(String need, List<Service> national) { }

    /** A service that meets a need but that this young person cannot use, and why. */
    public record Excluded(Service service, List<Exclusion> reasons) { }
}
