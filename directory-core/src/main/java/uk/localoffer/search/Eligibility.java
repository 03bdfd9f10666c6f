package uk.localoffer.search;

import uk.localoffer.domain.Residence;
import uk.localoffer.domain.Service;
import uk.localoffer.domain.Vocabulary;
import uk.localoffer.domain.GeoPoint;

import java.util.ArrayList;
import java.util.List;

/**
 * The hard eligibility rules in plain code, used to explain why a service was left out. The
 * index applies the same rules as queries; a test checks that both agree.
 */
final class Eligibility {
    private Eligibility() { }

    /** Why this young person cannot use the service; empty when they can. */
    static List<String> whyNot(Service s, GeoPoint servicePlace, Profile p, Place place, Vocabulary vocabulary) {
        List<String> why = new ArrayList<>();
        var e = s.eligibility();
        if (p.age() != null && !e.ages().contains(p.age())) why.add("Age " + p.age() + " is outside " + e.ages());
        if (p.status() != null && !e.statuses().isEmpty() && !e.statuses().contains(p.status()))
            why.add("Only for care leavers who are " + String.join(" or ", e.statuses().stream().map(c -> vocabulary.label("status", c, "en").toLowerCase()).sorted().toList()));
        String home = p.homeAuthority() != null ? p.homeAuthority() : place == null ? null : place.hostAuthority();
        if (!e.acceptsAnyHomeAuthority() && (home == null || !e.acceptsHomeAuthorities().contains(home)))
            why.add("Only for care leavers of " + String.join(", ", e.acceptsHomeAuthorities().stream().sorted().toList())
                    + (p.homeAuthority() == null ? " (say which council looked after the young person)" : ""));
        for (String x : e.exclusions())
            if (p.circumstances().contains(x)) why.add("Does not accept people who are: " + vocabulary.label("circumstance", x, "en").toLowerCase());
        if (place != null && !livesInArea(e.residence(), servicePlace, place)) why.add("Only for people who live in its area");
        if (place != null && p.maxDistanceKm() != null && s.isInPersonOnly() && servicePlace != null) {
            double km = servicePlace.distanceKm(place.point());
            if (km > p.maxDistanceKm()) why.add(String.format(java.util.Locale.ROOT, "In person only, %.0f km away (limit %.0f km)", km, p.maxDistanceKm()));
        }
        if (!p.delivery().isEmpty() && s.delivery().stream().noneMatch(p.delivery()::contains))
            why.add("Not delivered in a way the young person can use");
        return why;
    }

    static boolean livesInArea(Residence r, GeoPoint servicePlace, Place place) {
        return switch (r.kind()) {
            case NATIONAL -> true;
            case AUTHORITIES -> place.hostAuthority() != null && r.authorities().contains(place.hostAuthority());
            case RADIUS -> servicePlace != null && servicePlace.distanceKm(place.point()) <= r.radiusKm() * 1.02;
            case CATCHMENT -> uk.localoffer.geo.Wkt.polygonal(r.catchmentWkt())
                    .covers(uk.localoffer.geo.Wkt.point(place.point()));
        };
    }
}
