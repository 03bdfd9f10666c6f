package uk.localoffer.search;

import uk.localoffer.geo.GeoPoint;

/**
 * Where the young person lives, as the matcher understood it, and the host authority there.
 *
 * @param source     "location" (lat/lon given) or "postcode_district" (the district's centre)
 * @param hostMethod how the host authority was found: "boundary" (point in polygon),
 *                   "postcode_district" (the authority holding most of the district),
 *                   "nearest_centroid" (no boundaries loaded), or "outside_england_and_wales"
 *                   (no host authority: only national and remote services can be matched)
 */
public record Place(GeoPoint point, String source, String postcode, String hostAuthority, String hostMethod) {
}
