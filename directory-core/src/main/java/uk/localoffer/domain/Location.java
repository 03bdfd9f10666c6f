package uk.localoffer.domain;

/**
 * A place where a service is delivered. {@code approximate} is true when the point was not
 * given by the source (for example placed at the authority's centre).
 */
public record Location(String name, String address, String postcode, GeoPoint point, boolean approximate) {
}
