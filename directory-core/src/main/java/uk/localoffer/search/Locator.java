package uk.localoffer.search;

import uk.localoffer.domain.Authority;
import uk.localoffer.domain.PostcodeDistrict;
import uk.localoffer.geo.Boundaries;
import uk.localoffer.geo.GeoPoint;
import uk.localoffer.geo.Postcodes;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Turns a postcode or a point into a place with its host authority. */
public final class Locator {
    private final Postcodes postcodes;
    private final Boundaries boundaries;
    private final List<Authority> authorities;

    public Locator(Postcodes postcodes, Boundaries boundaries, Collection<Authority> authorities) {
        this.postcodes = postcodes;
        this.boundaries = boundaries;
        this.authorities = List.copyOf(authorities);
    }

    /** Thrown when a postcode cannot be placed; the message says why in plain words. */
    public static final class UnknownPlaceException extends IllegalArgumentException {
        public UnknownPlaceException(String message) { super(message); }
    }

    public Place locate(String postcode, GeoPoint point) {
        if (point != null) return at(point, "location", null, null);
        Postcodes.Parsed parsed = Postcodes.parse(postcode)
                .orElseThrow(() -> new UnknownPlaceException("'" + postcode + "' is not a UK postcode (for example L1 8JQ)"));
        PostcodeDistrict d = postcodes.district(parsed.outcode())
                .orElseThrow(() -> new UnknownPlaceException("postcode district " + parsed.outcode() + " is not known"));
        if (!d.nation().equals("England") && !d.nation().equals("Wales"))
            return new Place(d.centroid(), "postcode_district", parsed.normalised(), null, OUTSIDE);
        return at(d.centroid(), "postcode_district", parsed.normalised(), d.authorityCode());
    }

    /** The host method when the place is outside England and Wales: no host authority. */
    public static final String OUTSIDE = "outside_england_and_wales";

    private Place at(GeoPoint p, String source, String postcode, String districtAuthority) {
        if (!boundaries.isEmpty()) {
            Optional<String> code = boundaries.authorityAt(p);
            if (code.isPresent()) return new Place(p, source, postcode, code.get(), "boundary");
            if (districtAuthority == null) return new Place(p, source, postcode, null, OUTSIDE);
        }
        if (districtAuthority != null) return new Place(p, source, postcode, districtAuthority, "postcode_district");
        return new Place(p, source, postcode, nearest(p).map(Authority::code).orElse(null), "nearest_centroid");
    }

    /** The authority whose centre is nearest; outside England and Wales the answer is only a guess. */
    public Optional<Authority> nearest(GeoPoint p) {
        Authority best = null;
        double bestKm = Double.MAX_VALUE;
        for (Authority a : authorities) {
            double km = a.centroid().distanceKm(p);
            if (km < bestKm) { bestKm = km; best = a; }
        }
        return Optional.ofNullable(best);
    }
}
