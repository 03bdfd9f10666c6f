package uk.localoffer.match;

import uk.localoffer.domain.Delivery;
import uk.localoffer.domain.GeoPoint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a PA (or the young person) tells the matcher about one young person. It describes a
 * vulnerable person: it is used for one match and never stored or logged.
 *
 * @param needs          need codes with weights (1.0 = ordinary; higher matters more)
 * @param languages      preferred languages, ISO 639-1, most preferred first
 * @param englishOk      whether a service in English is fine
 * @param delivery       ways the young person can use a service; empty = any
 * @param maxDistanceKm  furthest they can travel to an in-person service; null = no limit
 */
public record Profile(Integer age, String postcode, GeoPoint location, String homeAuthority, Map<String, Double> needs,
                      List<String> languages, boolean englishOk, String status, Set<String> circumstances,
                      Double maxDistanceKm, Set<Delivery> delivery, Urgency urgency, String text) {

    public Profile {
        needs = needs == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(needs));
        languages = languages == null ? List.of() : List.copyOf(languages);
        circumstances = circumstances == null ? Set.of() : Set.copyOf(circumstances);
        delivery = delivery == null ? Set.of() : Set.copyOf(delivery);
        urgency = urgency == null ? Urgency.ROUTINE : urgency;
    }

    public static Builder builder() { return new Builder(); }

    /** Accepts phone, online or home-visit delivery (or did not say). */
    public boolean acceptsRemote() {
        return delivery.isEmpty() || delivery.stream().anyMatch(d -> !d.needsTravel());
    }

    /** The preferred languages other than English, most preferred first. */
    public List<String> wantedLanguages() {
        return languages.stream().filter(l -> !l.equals("en")).toList();
    }

    /** Free text was given. */
    public boolean hasText() { return text != null && !text.isBlank(); }

    public boolean acceptsInPerson() {
        return delivery.isEmpty() || delivery.contains(Delivery.IN_PERSON);
    }

    public static final class Builder {
        private Integer age;
        private String postcode, homeAuthority, status, text;
        private GeoPoint location;
        private final Map<String, Double> needs = new LinkedHashMap<>();
        private List<String> languages = List.of();
        private boolean englishOk = true;
        private Set<String> circumstances = Set.of();
        private Double maxDistanceKm;
        private Set<Delivery> delivery = Set.of();
        private Urgency urgency = Urgency.ROUTINE;

        public Builder age(Integer v) { age = v; return this; }
        public Builder postcode(String v) { postcode = v; return this; }
        public Builder location(GeoPoint v) { location = v; return this; }
        public Builder location(double lat, double lon) { location = new GeoPoint(lat, lon); return this; }
        public Builder home(String v) { homeAuthority = v; return this; }
        public Builder need(String code) { needs.put(code, 1.0); return this; }
        public Builder need(String code, double weight) { needs.put(code, weight); return this; }
        public Builder languages(String... v) { languages = List.of(v); return this; }
        public Builder englishOk(boolean v) { englishOk = v; return this; }
        public Builder status(String v) { status = v; return this; }
        public Builder circumstances(String... v) { circumstances = Set.of(v); return this; }
        public Builder maxDistanceKm(Double v) { maxDistanceKm = v; return this; }
        public Builder delivery(Delivery... v) { delivery = Set.of(v); return this; }
        public Builder urgency(Urgency v) { urgency = v; return this; }
        public Builder text(String v) { text = v; return this; }

        public Profile build() {
            return new Profile(age, postcode, location, homeAuthority, needs, languages, englishOk, status, circumstances,
                    maxDistanceKm, delivery, urgency, text);
        }
    }
}
