package uk.localoffer.oruk;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * The Open Referral UK 3.0 objects this directory writes (data/oruk/3.0/schema), as records. A
 * component marked NON_NULL is left out when there is nothing to say; the others are written,
 * null or not.
 */
public final class OrukJson {
    private OrukJson() { }

    @OrukShape
    public record Taxonomy(String id, String name, String description, String version) { }

    @OrukShape
    public record Term(String id, String name, String description, @JsonInclude(Include.NON_NULL) String parentId, String taxonomy,
                       String taxonomyId, String term) { }

    @OrukShape
    public record Organization(String id, String name, String description, @JsonInclude(Include.NON_NULL) List<Service> services) {
        public Organization withServices(List<Service> all) { return new Organization(id, name, description, all); }
    }

    @OrukShape
    public record Phone(String id, String number, @JsonInclude(Include.NON_NULL) String description) { }

    @OrukShape
    @JsonInclude(Include.NON_NULL)
    public record Schedule(String id, String serviceId, String description, String freq, String byday, String opensAt, String closesAt) { }

    @OrukShape
    public record ServiceArea(String id, String serviceId, String name, String serviceArea, @JsonInclude(Include.NON_NULL) String extent,
                              @JsonInclude(Include.NON_NULL) String extentType) { }

    @OrukShape
    public record Address(String id, String locationId, @JsonProperty("address_1") String address1, String city, String stateProvince,
                          String postalCode, String country, String addressType) { }

    @OrukShape
    public record Location(String id, String locationType, @JsonInclude(Include.NON_NULL) String name,
                           @JsonInclude(Include.NON_NULL) String description, @JsonInclude(Include.NON_NULL) Double latitude,
                           @JsonInclude(Include.NON_NULL) Double longitude, List<Address> addresses) { }

    @OrukShape
    public record ServiceAtLocation(String id, String serviceId, String locationId, Location location,
                                    @JsonInclude(Include.NON_NULL) Service xService, @JsonInclude(Include.NON_NULL) Double xDistanceKm) {
        /** This directory's distance from the place searched from. */
        public ServiceAtLocation withDistance(Double km) { return new ServiceAtLocation(id, serviceId, locationId, location, xService, km); }
    }

    @OrukShape
    public record Language(String id, String serviceId, String name, String code) { }

    @OrukShape
    public record CostOption(String id, String serviceId, String option, String amountDescription) { }

    @OrukShape
    public record Contact(String id, String serviceId, String name, @JsonInclude(Include.NON_NULL) String email,
                          @JsonInclude(Include.NON_NULL) List<Phone> phones) { }

    @OrukShape
    public record Attribute(String id, String linkId, String taxonomyTermId, String linkType, @JsonInclude(Include.NON_NULL) Term taxonomyTerm) { }

    /** An ORUK service; with {@code full} its schedules, areas, places, languages, organization, costs, contacts and attributes. */
    @OrukShape
    public record Service(String id, @JsonInclude(Include.NON_NULL) String organizationId, String name, String description,
                          @JsonInclude(Include.NON_NULL) String url, @JsonInclude(Include.NON_NULL) String email, String status,
                          @JsonInclude(Include.NON_NULL) Integer minimumAge, @JsonInclude(Include.NON_NULL) Integer maximumAge,
                          @JsonInclude(Include.NON_NULL) String assuredDate, @JsonInclude(Include.NON_NULL) String alert, String lastModified,
                          @JsonInclude(Include.NON_NULL) List<Phone> phones, @JsonInclude(Include.NON_NULL) String applicationProcess,
                          @JsonInclude(Include.NON_NULL) List<Schedule> schedules, @JsonInclude(Include.NON_NULL) List<ServiceArea> serviceAreas,
                          @JsonInclude(Include.NON_NULL) List<ServiceAtLocation> serviceAtLocations,
                          @JsonInclude(Include.NON_NULL) List<Language> languages, @JsonInclude(Include.NON_NULL) Organization organization,
                          @JsonInclude(Include.NON_NULL) List<CostOption> costOptions, @JsonInclude(Include.NON_NULL) List<Contact> contacts,
                          @JsonInclude(Include.NON_NULL) List<Attribute> attributes, Extension xLocalOffer,
                          @JsonInclude(Include.NON_NULL) Double xDistanceKm) {
        /** This directory's distance from the place searched from. */
        public Service withDistance(Double km) {
            return new Service(id, organizationId, name, description, url, email, status, minimumAge, maximumAge, assuredDate, alert, lastModified,
                    phones, applicationProcess, schedules, serviceAreas, serviceAtLocations, languages, organization, costOptions, contacts,
                    attributes, xLocalOffer, km);
        }
    }

    /** The care-leaver fields, documented in openapi.json under LocalOfferExtension. */
    @OrukShape
    public record Extension(String authority, boolean careLeaverSpecific, List<String> needs, List<String> circumstances, List<String> statuses,
                            List<String> acceptsHomeAuthorities, String residence, List<String> residenceAuthorities, List<String> exclusions,
                            String threshold, Integer waitWeeks, String referral, List<String> languages, boolean interpreter, String welsh,
                            List<String> delivery, boolean outOfHours, @JsonProperty("open_24_7") boolean open247, boolean illustrative,
                            String source, String sourceId, String organisation, String nameCy, String descriptionCy, Integer ageMin,
                            Integer ageMax, Double radiusKm, String catchmentWkt, String hours, String cost, String phone, List<String> phones,
                            List<String> nations, String sourceNote, String sourceUrl, String pageDate, String recorded, String lastVerified,
                            String lastVerifiedBy, boolean stale) { }
}
