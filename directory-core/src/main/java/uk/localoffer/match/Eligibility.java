package uk.localoffer.match;

import uk.localoffer.domain.GeoPoint;
import uk.localoffer.domain.Nation;
import uk.localoffer.domain.Residence;
import uk.localoffer.domain.Service;
import uk.localoffer.geo.Place;
import uk.localoffer.geo.Wkt;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static uk.localoffer.match.Exclusion.Code.*;

/**
 * The hard eligibility rules in plain code, used to explain why a service was left out. The
 * index applies the same rules as queries; a test checks that both agree.
 */
final class Eligibility {
    private Eligibility() { }

    /**
     * Why this young person cannot use the service; empty when they can.
     *
     * @param nations    which nations the service covers ({@link Service#coveredNations}); empty when not known
     * @param hostNation the nation they live in; null outside England and Wales
     */
    static List<Exclusion> whyNot(Service s, GeoPoint servicePlace, Set<Nation> nations, Profile p, Place place, Nation hostNation) {
        List<Exclusion> why = new ArrayList<>();
        var e = s.eligibility();
        if (p.age() != null && !e.ages().contains(p.age())) why.add(Exclusion.of(AGE, p.age(), e.ages()));
        if (p.status() != null && !e.statuses().isEmpty() && !e.statuses().contains(p.status()))
            why.add(Exclusion.of(STATUS, e.statuses().stream().sorted().toList()));
        String home = p.homeAuthority() != null ? p.homeAuthority() : place == null ? null : place.hostAuthority();
        if (!e.acceptsAnyHomeAuthority() && (home == null || !e.acceptsHomeAuthorities().contains(home)))
            why.add(Exclusion.of(p.homeAuthority() == null ? HOME_AUTHORITY_NOT_GIVEN : HOME_AUTHORITY,
                    e.acceptsHomeAuthorities().stream().sorted().toList()));
        for (String x : e.exclusions()) if (p.circumstances().contains(x)) why.add(Exclusion.of(EXCLUDES, x));
        boolean homesOwn = !e.acceptsAnyHomeAuthority() && home != null && e.acceptsHomeAuthorities().contains(home);
        if (hostNation != null && !nations.isEmpty() && !nations.contains(hostNation) && !homesOwn)
            why.add(Exclusion.of(NATION, nations.stream().sorted().map(Nation::label).toList()));
        if (place != null && !livesInArea(e.residence(), servicePlace, place))
            why.add(Exclusion.of(OUTSIDE_AREA, e.residence().authorities().stream().sorted().toList()));
        if (place != null && p.maxDistanceKm() != null && s.isInPersonOnly() && servicePlace != null) {
            double km = servicePlace.distanceKm(place.point());
            if (km > p.maxDistanceKm()) why.add(Exclusion.of(TOO_FAR, km, p.maxDistanceKm()));
        }
        if (!p.delivery().isEmpty() && s.delivery().stream().noneMatch(p.delivery()::contains)) why.add(Exclusion.of(DELIVERY));
        return why;
    }

    static boolean livesInArea(Residence r, GeoPoint servicePlace, Place place) {
        return switch (r.kind()) {
            case NATIONAL -> true;
            case AUTHORITIES -> place.hostAuthority() != null && r.authorities().contains(place.hostAuthority());
            case RADIUS -> r.radiusKm() != null && Residence.withinRadius(servicePlace, r.radiusKm(), place.point());
            case CATCHMENT -> Wkt.polygonal(r.catchmentWkt()).covers(Wkt.point(place.point()));
        };
    }
}
