package uk.localoffer.geo;

import uk.localoffer.domain.Authority;
import uk.localoffer.domain.DistrictCouncil;
import uk.localoffer.domain.GeoPoint;
import uk.localoffer.domain.PostcodeDistrict;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Turns a postcode or a point into a place with its host authority and district council. */
public final class Locator {
    private final Postcodes postcodes;
    private final Boundaries boundaries;
    private final DistrictCouncils districtCouncils;
    private final List<Authority> authorities;

    public Locator(Postcodes postcodes, Boundaries boundaries, DistrictCouncils districtCouncils, Collection<Authority> authorities) {
        this.postcodes = postcodes;
        this.boundaries = boundaries;
        this.districtCouncils = districtCouncils;
        this.authorities = List.copyOf(authorities);
    }

    /** Thrown when a postcode cannot be placed; the message says why in plain words. */
    public static class UnknownPlaceException extends IllegalArgumentException {
        UnknownPlaceException(String message) { super(message); }
    }

    /** What was given is not written as a UK postcode or postcode district. */
    public static final class NotAPostcodeException extends UnknownPlaceException {
        NotAPostcodeException(String message) { super(message); }
    }

    /** A well-formed postcode or district that the postcode table does not have. */
    public static final class UnknownPostcodeException extends UnknownPlaceException {
        UnknownPostcodeException(String message) { super(message); }
    }

    /** The host method when the place is outside England and Wales: no host authority. */
    public static final String OUTSIDE = "outside_england_and_wales";

    /**
     * A point given as lat/lon is placed as it is; a full postcode at its own position; an
     * outcode at the mean position of its postcodes.
     */
    public Place locate(String postcode, GeoPoint point) {
        if (point != null) return at(point, "location", null, null, Boundaries.SNAP_DEGREES);
        Postcodes.Parsed parsed = Postcodes.parse(postcode)
                .orElseThrow(() -> new NotAPostcodeException("'" + postcode + "' is not a UK postcode (for example L1 8JQ)"));
        Optional<PostcodeDistrict> district = postcodes.district(parsed.outcode());
        if (parsed.full()) {
            Postcodes.Found found = postcodes.postcode(parsed).orElseThrow(() -> new UnknownPostcodeException("postcode " + parsed.normalised()
                    + " is not known" + (district.isPresent() ? ": check it, or give just its district, " + parsed.outcode() : "")));
            if (!found.inEnglandOrWales()) return new Place(found.point(), "postcode", parsed.normalised(), null, OUTSIDE, null);
            // The table says England or Wales, so a point just off the coastline still belongs to the nearest authority.
            return at(found.point(), "postcode", parsed.normalised(), district.map(PostcodeDistrict::authorityCode).orElse(null), Double.POSITIVE_INFINITY);
        }
        PostcodeDistrict d = district.orElseThrow(() -> new UnknownPostcodeException("postcode district " + parsed.outcode() + " is not known"));
        if (!d.nation().equals("England") && !d.nation().equals("Wales"))
            return new Place(d.centroid(), "postcode_district", parsed.normalised(), null, OUTSIDE, null);
        return at(d.centroid(), "postcode_district", parsed.normalised(), d.authorityCode(), Boundaries.SNAP_DEGREES);
    }

    private Place at(GeoPoint p, String source, String postcode, String districtAuthority, double snapDegrees) {
        if (!boundaries.isEmpty()) {
            Optional<String> code = boundaries.authorityAt(p, snapDegrees);
            if (code.isPresent()) return place(p, source, postcode, code.get(), "boundary");
            if (districtAuthority == null) return new Place(p, source, postcode, null, OUTSIDE, null);
        }
        if (districtAuthority != null) return place(p, source, postcode, districtAuthority, "postcode_district");
        return place(p, source, postcode, nearest(p).map(Authority::code).orElse(null), "nearest_centroid");
    }

    private Place place(GeoPoint p, String source, String postcode, String host, String method) {
        DistrictCouncil district = host == null ? null : districtCouncils.at(host, p).filter(DistrictCouncil::underCounty).orElse(null);
        return new Place(p, source, postcode, host, method, district);
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
