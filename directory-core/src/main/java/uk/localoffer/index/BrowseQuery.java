package uk.localoffer.index;

import uk.localoffer.domain.Delivery;
import uk.localoffer.domain.GeoPoint;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * A list query (the Open Referral UK lists): filters, then relevance (with text), distance (with
 * a point) or name order, one page at a time. {@code terms} filters by vocabulary kind (need,
 * circumstance, threshold, delivery, status) to codes.
 */
public record BrowseQuery(String text, Map<String, Set<String>> terms, String organisation, Instant modifiedAfter, Integer age,
                          GeoPoint near, Double withinKm, String language, Delivery delivery, String authority,
                          int page, int perPage) {

    /** The same filters at another place. */
    public BrowseQuery near(GeoPoint point) {
        return new BrowseQuery(text, terms, organisation, modifiedAfter, age, point, withinKm, language, delivery, authority, page, perPage);
    }

    /** The same filters, another page. */
    public BrowseQuery page(int number, int size) {
        return new BrowseQuery(text, terms, organisation, modifiedAfter, age, near, withinKm, language, delivery, authority, number, size);
    }
}
