package uk.localoffer.domain;

/** A WGS84 point. */
public record GeoPoint(double lat, double lon) {
    private static final double EARTH_RADIUS_KM = 6371.0088;

    public GeoPoint {
        if (!(lat >= -90 && lat <= 90)) throw new IllegalArgumentException("latitude must be between -90 and 90, got " + lat);
        if (!(lon >= -180 && lon <= 180)) throw new IllegalArgumentException("longitude must be between -180 and 180, got " + lon);
    }

    /** Great-circle distance in kilometres. */
    public double distanceKm(GeoPoint other) {
        double dLat = Math.toRadians(other.lat - lat);
        double dLon = Math.toRadians(other.lon - lon);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat)) * Math.cos(Math.toRadians(other.lat)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /** True when {@code other} is at most {@code km} away ({@link #distanceKm}). */
    public boolean withinKm(GeoPoint other, double km) {
        return !surelyFartherThan(other, km) && distanceKm(other) <= km;
    }

    /**
     * True when {@code other} is surely more than {@code km} away (their difference in latitude
     * alone is, with a margin far above rounding), without the great-circle sum: a quick test before
     * {@link #distanceKm} for the many places that are nowhere near. False says nothing.
     */
    private boolean surelyFartherThan(GeoPoint other, double km) {
        return Math.abs(Math.toRadians(other.lat - lat)) * EARTH_RADIUS_KM > km + 1e-6;
    }

    /** Roughly inside the United Kingdom and its islands. */
    public boolean isInUk() {
        return lat >= 49.8 && lat <= 61.0 && lon >= -8.7 && lon <= 2.0;
    }
}
