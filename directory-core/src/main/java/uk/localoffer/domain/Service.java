package uk.localoffer.domain;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A service a care leaver might use. {@code authorityCode} is the authority whose offer lists
 * it or whose area it serves; null for a national service.
 */
public record Service(UUID id, String name, String nameCy, String description, String descriptionCy,
                      String organisation, String authorityCode, Set<String> needs, boolean careLeaverSpecific,
                      Set<String> circumstances, Eligibility eligibility, Access access, LanguageSupport languages,
                      Set<Delivery> delivery, List<Location> locations, Hours hours, String cost, Contact contact,
                      Provenance provenance) {

    public Service {
        needs = Set.copyOf(needs);
        circumstances = Set.copyOf(circumstances);
        delivery = Set.copyOf(delivery);
        locations = List.copyOf(locations);
    }

    /** The stable id Open Referral UK needs: the same source and source id give the same UUID on every import. */
    public static UUID stableId(String source, String sourceId) {
        return UUID.nameUUIDFromBytes(("service:" + source + ":" + sourceId).getBytes(StandardCharsets.UTF_8));
    }

    /** Can be used without travelling (phone, online or a home visit). */
    public boolean isRemote() {
        for (Delivery d : delivery) if (!d.needsTravel()) return true;
        return false;
    }

    public boolean isInPersonOnly() {
        return !delivery.isEmpty() && !isRemote();
    }

    public String name(String lang) {
        return "cy".equals(lang) && nameCy != null && !nameCy.isBlank() ? nameCy : name;
    }

    public String description(String lang) {
        return "cy".equals(lang) && descriptionCy != null && !descriptionCy.isBlank() ? descriptionCy : description;
    }
}
