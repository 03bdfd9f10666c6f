package uk.localoffer.geo;

import uk.localoffer.domain.DistrictCouncil;
import uk.localoffer.domain.GeoPoint;

/**
 * Where the young person lives, as the matcher understood it, and the councils there.
 *
 * @param source          how precise the point is: "postcode" (the postcode's own position),
 *                        "postcode_district" (the mean position of an outcode's postcodes) or
 *                        "location" (lat/lon given)
 * @param hostMethod      how the host authority was found: "boundary" (point in polygon),
 *                        "postcode_district" (the authority holding most of the district),
 *                        "nearest_centroid" (no boundaries loaded), or "outside_england_and_wales"
 *                        (no host authority: only national and remote services can be matched)
 * @param districtCouncil the district or borough council there, when it is not the host
 *                        authority itself (in a two-tier county); else null
 */
public record Place(GeoPoint point, String source, String postcode, String hostAuthority, String hostMethod,
                    DistrictCouncil districtCouncil) {
}
