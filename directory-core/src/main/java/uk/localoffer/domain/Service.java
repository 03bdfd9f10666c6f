package uk.localoffer.domain;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A service a care leaver might use. {@code authorityCode} is the authority whose offer lists
 * it or whose area it serves; null for a national service. {@code nations}: where a national
 * service is delivered (empty = not recorded; an authority's service is in its authority's nation).
 */
public record Service(UUID id, String name, String nameCy, String description, String descriptionCy,
                      String organisation, String authorityCode, Set<String> needs, boolean careLeaverSpecific,
                      Set<String> circumstances, Eligibility eligibility, Access access, LanguageSupport languages,
                      Set<Delivery> delivery, List<Location> locations, Hours hours, String cost, Contact contact,
                      Provenance provenance, Set<Nation> nations) {

    public Service {
        needs = Set.copyOf(needs);
        nations = nations == null ? Set.of() : Set.copyOf(nations);
        circumstances = Set.copyOf(circumstances);
        delivery = Set.copyOf(delivery);
        locations = List.copyOf(locations);
    }

    public Service(UUID id, String name, String nameCy, String description, String descriptionCy, String organisation,
                   String authorityCode, Set<String> needs, boolean careLeaverSpecific, Set<String> circumstances,
                   Eligibility eligibility, Access access, LanguageSupport languages, Set<Delivery> delivery,
                   List<Location> locations, Hours hours, String cost, Contact contact, Provenance provenance) {
        this(id, name, nameCy, description, descriptionCy, organisation, authorityCode, needs, careLeaverSpecific, circumstances,
                eligibility, access, languages, delivery, locations, hours, cost, contact, provenance, Set.of());
    }

    public Service withProvenance(Provenance p) {
        return new Service(id, name, nameCy, description, descriptionCy, organisation, authorityCode, needs, careLeaverSpecific,
                circumstances, eligibility, access, languages, delivery, locations, hours, cost, contact, p, nations);
    }

    public Service withLocations(List<Location> places) {
        return new Service(id, name, nameCy, description, descriptionCy, organisation, authorityCode, needs, careLeaverSpecific,
                circumstances, eligibility, access, languages, delivery, places, hours, cost, contact, provenance, nations);
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

    /** Who must pay to use it, and what; null when it is free. */
    public AccessCost accessCost() { return AccessCost.of(cost); }

    /**
     * Which of England and Wales it covers: its recorded nations, else its authority's nation;
     * empty when neither is known (a national service whose nations are not recorded).
     */
    public Set<Nation> coveredNations(java.util.function.Function<String, Authority> authorities) {
        if (!nations.isEmpty()) return nations;
        Authority a = authorityCode == null ? null : authorities.apply(authorityCode);
        return a == null || a.nation() == null ? Set.of() : Set.of(a.nation());
    }

    public String name(String lang) {
        return "cy".equals(lang) && nameCy != null && !nameCy.isBlank() ? nameCy : name;
    }

    public String description(String lang) {
        return "cy".equals(lang) && descriptionCy != null && !descriptionCy.isBlank() ? descriptionCy : description;
    }
}
