package uk.localoffer;

import uk.localoffer.domain.Access;
import uk.localoffer.domain.AgeRange;
import uk.localoffer.domain.Authority;
import uk.localoffer.domain.Contact;
import uk.localoffer.domain.Delivery;
import uk.localoffer.domain.Eligibility;
import uk.localoffer.domain.Entitlement;
import uk.localoffer.domain.GeoPoint;
import uk.localoffer.domain.Hours;
import uk.localoffer.domain.LanguageSupport;
import uk.localoffer.domain.LeavingCareTeam;
import uk.localoffer.domain.Location;
import uk.localoffer.domain.Nation;
import uk.localoffer.domain.OfferArea;
import uk.localoffer.domain.Provenance;
import uk.localoffer.domain.Residence;
import uk.localoffer.domain.Service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** Small domain records built in code for tests, with builders that change one thing at a time. */
public final class Fixtures {
    private Fixtures() { }

    public static final Instant IMPORTED = Instant.parse("2026-01-05T10:00:00Z");

    public static Authority authority(String code, String name, Nation nation, double lat, double lon) {
        return new Authority(code, name, null, nation, nation == Nation.WALES ? "Wales" : "Test region", "unitary",
                new GeoPoint(lat, lon), 100.0, name + " Council", null,
                new LeavingCareTeam(name + " leaving care team", new Contact("0300 000 0000", null, null, "Call the duty PA"), true, "test"));
    }

    /** A mutable builder so each test states only the property it is about. */
    public static final class ServiceBuilder {
        public String sourceId = "s1", name = "Counselling", description = "Talking therapy for young people";
        public String authority = null, threshold = "self_referral";
        public Set<String> needs = Set.of("emotional-wellbeing"), circumstances = Set.of(), statuses = Set.of(),
                accepts = Set.of(), exclusions = Set.of(), languages = Set.of("en");
        public boolean careLeaverSpecific = false, interpreter = false, outOfHours = false, open24x7 = false;
        public LanguageSupport.WelshProvision welsh = LanguageSupport.WelshProvision.NONE;
        public AgeRange ages = new AgeRange(16, 25);
        public Residence residence = Residence.NATIONAL;
        public Set<Delivery> delivery = Set.of(Delivery.IN_PERSON);
        public GeoPoint place = new GeoPoint(53.4084, -2.9916);
        public Integer waitWeeks = null;
        public String phone = null;
        public Set<Nation> nations = Set.of();
        public String cost = null;
        public LocalDate lastVerified = LocalDate.now().minusMonths(1);

        /** Delivered at this point. */
        public ServiceBuilder at(double lat, double lon) {
            place = new GeoPoint(lat, lon);
            return this;
        }

        public Service build() {
            List<Location> places = place == null ? List.of() : List.of(new Location("Centre", "1 Test Street", null, place, false));
            return new Service(Service.stableId("test", sourceId), name, null, description, null, "Test organisation", authority, needs,
                    careLeaverSpecific, circumstances, new Eligibility(ages, statuses, accepts, residence, exclusions),
                    new Access(threshold, waitWeeks, "Ring us"), new LanguageSupport(languages, interpreter, welsh), delivery, places,
                    new Hours("Mon-Fri 9-5", outOfHours, open24x7), cost, phone == null ? Contact.NONE : new Contact(phone, null, null, null),
                    new Provenance("test", sourceId, IMPORTED, lastVerified, true, "test fixture"), nations);
        }
    }

    public static ServiceBuilder service(String sourceId, String name) {
        ServiceBuilder b = service(sourceId);
        b.name = name;
        return b;
    }

    public static ServiceBuilder service(String sourceId) {
        ServiceBuilder b = new ServiceBuilder();
        b.sourceId = sourceId;
        return b;
    }

    public static Entitlement entitlement(String sourceId, String authority, String title) {
        return new Entitlement(java.util.UUID.nameUUIDFromBytes(sourceId.getBytes()), authority, OfferArea.ACCOMMODATION, title, null,
                "What it gives", false, null, new AgeRange(18, 25), Set.of("former_relevant"), null, true,
                new Provenance("test", sourceId, IMPORTED, null, true, "test fixture"));
    }
}
