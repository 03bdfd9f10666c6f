package uk.localoffer.search;

import uk.localoffer.domain.Authority;
import uk.localoffer.domain.Entitlement;
import uk.localoffer.domain.Service;

import java.util.List;

/**
 * The answer to one profile: where the young person is, the ranked services they can use, the
 * responsible authority's entitlements that still apply there, and what was left out.
 */
public record MatchResult(Place place, Authority home, Authority host, boolean outOfArea, List<Ranking.Scored> results,
                          int eligible, int excludedCount, List<Excluded> excluded, List<Entitlement> homeOffer) {

    /** A service that meets a need but that this young person cannot use, and why. */
    public record Excluded(Service service, List<String> reasons) { }
}
