package uk.localoffer.domain;

import java.util.Set;

/**
 * Where a young person must live to use a service: anywhere, inside listed authorities,
 * within a radius of the service's first place, or inside a catchment polygon (WKT, lon lat).
 */
public record Residence(Kind kind, Set<String> authorities, Double radiusKm, String catchmentWkt) {
    public enum Kind { NATIONAL, AUTHORITIES, RADIUS, CATCHMENT }

    public static final Residence NATIONAL = new Residence(Kind.NATIONAL, Set.of(), null, null);

    public Residence {
        authorities = Set.copyOf(authorities);
        switch (kind) {
            case AUTHORITIES -> { if (authorities.isEmpty()) throw new IllegalArgumentException("residence 'authorities' needs at least one authority"); }
            case RADIUS -> { if (radiusKm == null || radiusKm <= 0) throw new IllegalArgumentException("residence 'radius' needs a positive radius_km"); }
            case CATCHMENT -> { if (catchmentWkt == null || catchmentWkt.isBlank()) throw new IllegalArgumentException("residence 'catchment' needs catchment_wkt"); }
            case NATIONAL -> { }
        }
    }

    public static Residence authorities(Set<String> codes) { return new Residence(Kind.AUTHORITIES, codes, null, null); }

    /** A radius area's test, exact (the search index and the plain rules use this one): {@code point} is within {@code radiusKm} of the service's place. */
    public static boolean withinRadius(GeoPoint servicePlace, double radiusKm, GeoPoint point) {
        return servicePlace != null && servicePlace.withinKm(point, radiusKm);
    }
}
