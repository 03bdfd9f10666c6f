package uk.localoffer.oruk;

import uk.localoffer.domain.Authority;
import uk.localoffer.domain.Delivery;
import uk.localoffer.domain.Location;
import uk.localoffer.domain.Service;
import uk.localoffer.domain.Vocabulary;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Writes services in Open Referral UK 3.0 shapes. Care-leaver fields the standard lacks are
 * given twice: as attributes linking to taxonomy terms (needs, circumstances, threshold,
 * delivery, languages) and in the documented extension object {@code x_local_offer}.
 */
public final class Oruk {
    /** The taxonomies this directory publishes, by the vocabulary kind they come from. */
    public static final List<String> TAXONOMIES = List.of("need", "circumstance", "threshold", "delivery", "status");

    private final Vocabulary vocabulary;
    private final Function<String, Authority> authorities;
    private final int staleMonths;
    private final Clock clock;

    /** {@code clock}: the day a record's staleness is counted to. */
    public Oruk(Vocabulary vocabulary, Function<String, Authority> authorities, int staleMonths, Clock clock) {
        this.vocabulary = vocabulary;
        this.authorities = authorities;
        this.staleMonths = staleMonths;
        this.clock = clock;
    }

    public static UUID uuid(String... parts) {
        return UUID.nameUUIDFromBytes(String.join(":", parts).getBytes(StandardCharsets.UTF_8));
    }

    public static UUID taxonomyId(String kind) { return uuid("taxonomy", kind); }

    public static UUID termId(String kind, String code) { return uuid("taxonomy_term", kind, code); }

    public static UUID organizationId(String name) { return uuid("organization", name.toLowerCase()); }

    /** The id of a service's {@code i}th place as an ORUK service_at_location. */
    public static UUID serviceAtLocationId(Service s, int i) { return uuid("service_at_location", s.id().toString(), String.valueOf(i)); }

    public Map<String, Object> taxonomy(String kind) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("id", taxonomyId(kind).toString());
        t.put("name", "Care leaver " + kind + " codes");
        t.put("description", "Codes of kind '" + kind + "' from this directory's vocabulary (data/vocabulary.csv).");
        t.put("version", "1");
        return t;
    }

    public Map<String, Object> term(String kind, Vocabulary.Term v, String lang) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("id", termId(kind, v.code()).toString());
        t.put("name", v.label(lang));
        t.put("description", v.label(lang));
        if (v.parent() != null && !v.parent().isBlank()) t.put("parent_id", termId(kind, v.parent()).toString());
        t.put("taxonomy", kind);
        t.put("taxonomy_id", taxonomyId(kind).toString());
        t.put("term", v.code());
        return t;
    }

    public Map<String, Object> organization(String name) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", organizationId(name).toString());
        o.put("name", name);
        o.put("description", name);
        return o;
    }

    public Map<String, Object> service(Service s, String lang, boolean full) {
        String id = s.id().toString();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        if (s.organisation() != null) m.put("organization_id", organizationId(s.organisation()).toString());
        m.put("name", s.name(lang));
        m.put("description", s.description(lang));
        if (s.contact().website() != null) m.put("url", s.contact().website());
        if (s.contact().email() != null) m.put("email", s.contact().email());
        m.put("status", "active");
        if (s.eligibility().ages().min() != null) m.put("minimum_age", s.eligibility().ages().min());
        if (s.eligibility().ages().max() != null) m.put("maximum_age", s.eligibility().ages().max());
        if (s.provenance().assuredOn() != null) m.put("assured_date", s.provenance().assuredOn().toString());
        if (s.provenance().illustrative()) m.put("alert", "Illustrative record: not a real service.");
        m.put("last_modified", changedAt(s.provenance()));
        if (!s.contact().phones().isEmpty()) m.put("phones", phones(id, s.contact().phones()));
        if (s.access().referral() != null) m.put("application_process", s.access().referral());
        if (!full) {
            m.put("x_local_offer", extension(s));
            return m;
        }
        List<Map<String, Object>> schedules = new ArrayList<>();
        if (s.hours().description() != null || s.hours().open24x7()) {
            Map<String, Object> sc = new LinkedHashMap<>();
            sc.put("id", uuid("schedule", id).toString());
            sc.put("service_id", id);
            sc.put("description", s.hours().open24x7() ? "Open 24 hours, every day" : s.hours().description());
            if (s.hours().open24x7()) {
                sc.put("freq", "WEEKLY");
                sc.put("byday", "MO,TU,WE,TH,FR,SA,SU");
                sc.put("opens_at", "00:00");
                sc.put("closes_at", "23:59");
            }
            schedules.add(sc);
        }
        m.put("schedules", schedules);
        m.put("service_areas", serviceAreas(s));
        List<Map<String, Object>> sals = new ArrayList<>();
        for (int i = 0; i < s.locations().size(); i++) sals.add(serviceAtLocation(s, i, lang, false));
        m.put("service_at_locations", sals);
        List<Map<String, Object>> languages = new ArrayList<>();
        for (String l : s.languages().languages().stream().sorted().toList()) {
            Map<String, Object> lm = new LinkedHashMap<>();
            lm.put("id", uuid("language", id, l).toString());
            lm.put("service_id", id);
            lm.put("name", languageName(l));
            lm.put("code", l);
            languages.add(lm);
        }
        m.put("languages", languages);
        if (s.organisation() != null) m.put("organization", organization(s.organisation()));
        List<Map<String, Object>> costs = new ArrayList<>();
        if (s.cost() != null) {
            Map<String, Object> cost = new LinkedHashMap<>();
            cost.put("id", uuid("cost", id).toString());
            cost.put("service_id", id);
            cost.put("option", s.cost());
            cost.put("amount_description", s.cost());
            costs.add(cost);
        }
        m.put("cost_options", costs);
        List<Map<String, Object>> contacts = new ArrayList<>();
        if (s.contact().reachable()) {
            // The team that answers: ORUK keeps a contact's phones and email on the contact.
            Map<String, Object> c = new LinkedHashMap<>();
            String contactId = uuid("contact", id).toString();
            c.put("id", contactId);
            c.put("service_id", id);
            c.put("name", s.name(lang));
            if (s.contact().email() != null) c.put("email", s.contact().email());
            if (!s.contact().phones().isEmpty()) c.put("phones", phones(contactId, s.contact().phones()));
            contacts.add(c);
        }
        m.put("contacts", contacts);
        m.put("attributes", attributes(s, lang));
        m.put("x_local_offer", extension(s));
        return m;
    }

    public Map<String, Object> serviceAtLocation(Service s, int i, String lang, boolean withService) {
        Location l = s.locations().get(i);
        String locId = uuid("location", s.id().toString(), String.valueOf(i)).toString();
        Map<String, Object> loc = new LinkedHashMap<>();
        loc.put("id", locId);
        loc.put("location_type", "physical");
        if (l.name() != null) loc.put("name", l.name());
        if (l.approximate()) loc.put("description", "Approximate place (illustrative): the exact address is not recorded.");
        if (l.point() != null) {
            loc.put("latitude", l.point().lat());
            loc.put("longitude", l.point().lon());
        }
        List<Map<String, Object>> addresses = new ArrayList<>();
        if (l.address() != null && l.postcode() != null) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("id", uuid("address", locId).toString());
            a.put("location_id", locId);
            a.put("address_1", l.address());
            a.put("city", s.authorityCode() == null ? "" : authorities.apply(s.authorityCode()).name());
            a.put("state_province", "");
            a.put("postal_code", l.postcode());
            a.put("country", "GB");
            a.put("address_type", "physical");
            addresses.add(a);
        }
        loc.put("addresses", addresses);
        Map<String, Object> sal = new LinkedHashMap<>();
        sal.put("id", serviceAtLocationId(s, i).toString());
        sal.put("service_id", s.id().toString());
        sal.put("location_id", locId);
        sal.put("location", loc);
        if (withService) sal.put("x_service", service(s, lang, false));
        return sal;
    }

    private List<Map<String, Object>> serviceAreas(Service s) {
        var r = s.eligibility().residence();
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("id", uuid("service_area", s.id().toString()).toString());
        a.put("service_id", s.id().toString());
        switch (r.kind()) {
            case NATIONAL -> a.put("name", "England and Wales");
            case AUTHORITIES -> a.put("name", String.join(", ", r.authorities().stream().sorted()
                    .map(c -> authorities.apply(c) == null ? c : authorities.apply(c).name()).toList()));
            case RADIUS -> a.put("name", "Within " + r.radiusKm() + " km of the service");
            case CATCHMENT -> {
                a.put("name", "Catchment area");
                a.put("extent", r.catchmentWkt());
                a.put("extent_type", "wkt");
            }
        }
        a.put("service_area", a.get("name"));
        return List.of(a);
    }

    private List<Map<String, Object>> attributes(Service s, String lang) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String n : s.needs()) out.add(attribute(s, "need", n, lang));
        for (String c : s.circumstances()) out.add(attribute(s, "circumstance", c, lang));
        if (s.access().threshold() != null) out.add(attribute(s, "threshold", s.access().threshold(), lang));
        for (Delivery d : s.delivery()) out.add(attribute(s, "delivery", d.code(), lang));
        for (String st : s.eligibility().statuses()) out.add(attribute(s, "status", st, lang));
        return out;
    }

    private Map<String, Object> attribute(Service s, String kind, String code, String lang) {
        Vocabulary.Term t = vocabulary.term(kind, code);
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("id", uuid("attribute", s.id().toString(), kind, code).toString());
        a.put("link_id", s.id().toString());
        a.put("taxonomy_term_id", termId(kind, code).toString());
        a.put("link_type", "service");
        if (t != null) a.put("taxonomy_term", term(kind, t, lang));
        return a;
    }

    /** ORUK phone objects; a text-only number ("text 85258") becomes the number with the description "Text only". */
    static List<Map<String, Object>> phones(String ownerId, List<String> numbers) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String n : numbers) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("id", uuid("phone", ownerId, n).toString());
            boolean text = n.startsWith("text ");
            p.put("number", text ? n.substring(5) : n);
            if (text) p.put("description", "Text only");
            out.add(p);
        }
        return out;
    }

    /** The language's English name for an ISO 639 code. */
    public static String languageName(String code) {
        String name = java.util.Locale.forLanguageTag(code).getDisplayLanguage(java.util.Locale.ENGLISH);
        return name.isEmpty() ? code : name;
    }

    /** When the record's facts last changed: the day they were recorded from the source, else when it was imported. */
    static String changedAt(uk.localoffer.domain.Provenance p) {
        if (p.recorded() != null) return p.recorded().atStartOfDay(ZoneOffset.UTC).toInstant().toString();
        return p.importedAt() == null ? null : p.importedAt().atOffset(ZoneOffset.UTC).toString();
    }

    /** The care-leaver fields, documented in openapi.json under LocalOfferExtension. */
    public Map<String, Object> extension(Service s) {
        var e = s.eligibility();
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("authority", s.authorityCode());
        x.put("care_leaver_specific", s.careLeaverSpecific());
        x.put("needs", s.needs().stream().sorted().toList());
        x.put("circumstances", s.circumstances().stream().sorted().toList());
        x.put("statuses", e.statuses().stream().sorted().toList());
        x.put("accepts_home_authorities", e.acceptsAnyHomeAuthority() ? List.of("any") : e.acceptsHomeAuthorities().stream().sorted().toList());
        x.put("residence", e.residence().kind().name().toLowerCase());
        x.put("residence_authorities", e.residence().authorities().stream().sorted().toList());
        x.put("exclusions", e.exclusions().stream().sorted().toList());
        x.put("threshold", s.access().threshold());
        x.put("wait_weeks", s.access().waitWeeks());
        x.put("referral", s.access().referral());
        x.put("languages", s.languages().languages().stream().sorted().toList());
        x.put("interpreter", s.languages().interpreter());
        x.put("welsh", s.languages().welsh().name().toLowerCase());
        x.put("delivery", s.delivery().stream().map(Delivery::code).sorted().toList());
        x.put("out_of_hours", s.hours().outOfHours());
        x.put("open_24_7", s.hours().open24x7());
        x.put("illustrative", s.provenance().illustrative());
        x.put("source", s.provenance().source());
        x.put("source_id", s.provenance().sourceId());
        x.put("organisation", s.organisation());
        x.put("name_cy", s.nameCy());
        x.put("description_cy", s.descriptionCy());
        x.put("age_min", e.ages().min());
        x.put("age_max", e.ages().max());
        x.put("radius_km", e.residence().radiusKm());
        x.put("catchment_wkt", e.residence().catchmentWkt());
        x.put("hours", s.hours().description());
        x.put("cost", s.cost());
        x.put("phone", s.contact().phone());
        x.put("phones", s.contact().phones());
        x.put("nations", s.nations().stream().map(uk.localoffer.domain.Nation::label).sorted().toList());
        x.put("source_note", s.provenance().note());
        x.put("source_url", s.provenance().sourceUrl());
        x.put("page_date", s.provenance().pageDate() == null ? null : s.provenance().pageDate().toString());
        x.put("recorded", s.provenance().recorded() == null ? null : s.provenance().recorded().toString());
        x.put("last_verified", s.provenance().lastVerified() == null ? null : s.provenance().lastVerified().toString());
        x.put("last_verified_by", s.provenance().verifiedBy());
        x.put("stale", isStale(s));
        return x;
    }

    /** Not vouched for within the staleness limit (never counts as stale), or showing signs of being out of date. */
    public boolean isStale(Service s) {
        var f = uk.localoffer.domain.Freshness.of(s, java.time.LocalDate.now(clock));
        return f.assuredOn() == null || f.stale(staleMonths);
    }
}
