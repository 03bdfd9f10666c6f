package uk.localoffer.domain;

import java.util.Set;
import java.util.UUID;

/** One entitlement in an authority's local offer. */
public record Entitlement(UUID id, String authorityCode, OfferArea area, String title, String titleCy, String detail,
                          boolean statutory, String amount, AgeRange ages, Set<String> statuses, String conditions,
                          boolean appliesOutOfArea, Provenance provenance) {
    public Entitlement {
        statuses = Set.copyOf(statuses);
    }

    public String title(String lang) {
        return "cy".equals(lang) && titleCy != null && !titleCy.isBlank() ? titleCy : title;
    }
}
