package uk.localoffer.importer;

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
import uk.localoffer.domain.Location;
import uk.localoffer.domain.Nation;
import uk.localoffer.domain.OfferArea;
import uk.localoffer.domain.Provenance;
import uk.localoffer.domain.Residence;
import uk.localoffer.domain.Service;
import uk.localoffer.domain.Vocabulary;
import uk.localoffer.geo.Wkt;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Turns rows of the services and entitlements CSV formats (docs/data-format.md) into domain
 * records, reporting every bad value with its file, line and field.
 */
public final class OfferRows {
    public static final List<String> SERVICE_COLUMNS = List.of("id", "source_id", "name", "name_cy", "description", "description_cy",
            "organisation", "authority", "needs", "care_leaver_specific", "circumstances", "age_min", "age_max", "statuses",
            "accepts_home_authorities", "residence", "residence_authorities", "radius_km", "catchment_wkt", "exclusions",
            "threshold", "wait_weeks", "referral", "languages", "interpreter", "welsh", "delivery", "location_name", "address",
            "postcode", "lat", "lon", "approximate_place", "hours", "out_of_hours", "open_24_7", "cost", "phone", "email", "website",
            "last_verified", "provenance", "source_note", "source_url", "page_date", "recorded", "nations");
    public static final List<String> ENTITLEMENT_COLUMNS = List.of("id", "source_id", "authority", "nation", "area", "topic", "title",
            "title_cy", "detail", "kind", "amount", "amount_gbp", "age_min", "age_max", "statuses", "conditions", "applies_out_of_area",
            "last_verified", "provenance", "source_note", "source_url", "page_date", "recorded");
    public static final List<String> TOPICS = List.of("setting_up_home", "higher_education_bursary", "further_education", "leisure_pass",
            "travel", "driving_lessons", "phone_wifi", "celebrations", "staying_put", "staying_close", "when_i_am_ready",
            "personal_adviser", "pathway_plan", "health", "documents", "housing", "money", "employment", "apprenticeship_bursary", "other");

    private final String source;
    private final Instant importedAt;
    private final LocalDate today;
    private final Vocabulary vocabulary;
    private final Map<String, Authority> authorities;

    /** {@code importedAt}: when the records are imported; a date after the day after {@code today} is refused. */
    public OfferRows(String source, Instant importedAt, LocalDate today, Vocabulary vocabulary, Map<String, Authority> authorities) {
        this.source = source;
        this.importedAt = importedAt;
        this.today = today;
        this.vocabulary = vocabulary;
        this.authorities = authorities;
    }

    /** The service in {@code row}, or null when it has errors (added to {@code problems}). */
    public Service service(CsvTable.Row row, List<ImportProblem> problems) {
        int before = errorCount(problems);
        FieldReader f = new FieldReader(row, problems);
        String sourceId = f.required("source_id");
        String name = f.required("name");
        String description = f.required("description");
        String authority = f.text("authority");
        if (authority != null && !authorities.containsKey(authority)) {
            f.error("authority", "unknown authority GSS code '" + authority + "'");
            authority = null;
        }
        Set<String> needs = f.codes("needs", "need", vocabulary);
        if (needs.isEmpty() && !row.has("needs")) f.error("needs", "at least one need code is required");
        Set<String> circumstances = f.codes("circumstances", "circumstance", vocabulary);
        AgeRange ages = ages(f);
        Set<String> statuses = f.codes("statuses", "status", vocabulary);
        Set<String> accepts = acceptsHomeAuthorities(f, authority);
        Residence residence = residence(f, authority);
        Set<String> exclusions = f.codes("exclusions", "circumstance", vocabulary);
        String threshold = f.code("threshold", "threshold", vocabulary);
        Integer wait = f.integer("wait_weeks", 0, 260);
        Set<String> languages = f.languages("languages");
        if (languages.isEmpty()) languages = Set.of("en");
        boolean interpreter = f.bool("interpreter");
        LanguageSupport.WelshProvision welsh = switch (row.get("welsh")) {
            case "" -> LanguageSupport.WelshProvision.NONE;
            case "active_offer" -> LanguageSupport.WelshProvision.ACTIVE_OFFER;
            case "on_request" -> LanguageSupport.WelshProvision.ON_REQUEST;
            default -> { f.error("welsh", "must be active_offer, on_request or blank, got '" + row.get("welsh") + "'"); yield LanguageSupport.WelshProvision.NONE; }
        };
        Set<Delivery> delivery = new LinkedHashSet<>();
        for (String d : f.list("delivery")) {
            try { delivery.add(Delivery.parse(d)); } catch (IllegalArgumentException e) { f.error("delivery", e.getMessage()); }
        }
        if (delivery.isEmpty() && !row.has("delivery")) delivery.add(Delivery.IN_PERSON);
        List<Location> locations = new ArrayList<>();
        Double lat = f.decimal("lat", -90, 90), lon = f.decimal("lon", -180, 180);
        if ((lat == null) != (lon == null) && errorCount(problems) == before) f.error(lat == null ? "lat" : "lon", "lat and lon must be given together");
        String postcode = f.postcode("postcode");
        boolean approximate = f.bool("approximate_place");
        if (lat != null && lon != null) {
            GeoPoint p = new GeoPoint(lat, lon);
            if (!p.isInUk()) f.error("lat", "the place " + lat + ", " + lon + " is not in the United Kingdom (are lat and lon swapped?)");
            locations.add(new Location(f.text("location_name"), f.text("address"), postcode, p, approximate));
        } else if (row.has("address") || postcode != null || row.has("location_name")) {
            locations.add(new Location(f.text("location_name"), f.text("address"), postcode, null, approximate));
        }
        boolean always = f.bool("open_24_7");
        Hours hours = new Hours(f.text("hours"), always || f.bool("out_of_hours"), always);
        Contact contact = new Contact(f.phones("phone"), f.email("email"), f.url("website"), f.text("referral"));
        Provenance provenance = provenance(f, sourceId);
        Set<Nation> nations = new LinkedHashSet<>();
        for (String n : f.list("nations")) {
            try { nations.add(Nation.parse(n)); } catch (IllegalArgumentException e) { f.error("nations", e.getMessage()); }
        }
        if (provenance != null && !provenance.illustrative() && !contact.reachable())
            f.warning("phone", "no phone, email or website: a PA cannot reach this service from the directory");
        UUID givenId = f.uuid("id");
        if (errorCount(problems) > before) return null;
        Eligibility eligibility = new Eligibility(ages, statuses, accepts, residence, exclusions);
        return new Service(givenId != null ? givenId : Service.stableId(source, sourceId), name, f.text("name_cy"), description, f.text("description_cy"),
                f.text("organisation"), authority, needs, f.bool("care_leaver_specific"), circumstances, eligibility,
                new Access(threshold, wait, f.text("referral")), new LanguageSupport(languages, interpreter, welsh), delivery,
                locations, hours, f.text("cost"), contact, provenance, nations);
    }

    /** The entitlement in {@code row}, or null when it has errors (added to {@code problems}). */
    public Entitlement entitlement(CsvTable.Row row, List<ImportProblem> problems) {
        int before = errorCount(problems);
        FieldReader f = new FieldReader(row, problems);
        String sourceId = f.required("source_id");
        String authority = f.text("authority");
        Nation nation = null;
        if (authority != null && !authorities.containsKey(authority)) f.error("authority", "unknown authority GSS code '" + authority + "'");
        if (row.has("nation")) {
            try { nation = Nation.parse(row.get("nation")); } catch (IllegalArgumentException e) { f.error("nation", e.getMessage()); }
            if (authority != null) f.error("nation", "give an authority or a nation, not both");
        } else if (authority == null) {
            f.error("authority", "is required (or, for a statutory entitlement of a whole nation, leave it blank and give nation)");
        }
        String topic = row.has("topic") ? row.get("topic") : "other";
        if (!TOPICS.contains(topic)) f.error("topic", "must be one of " + String.join(", ", TOPICS) + "; got '" + topic + "'");
        OfferArea area = null;
        String areaCode = f.required("area");
        if (areaCode != null) {
            try { area = OfferArea.parse(areaCode); } catch (IllegalArgumentException e) {
                f.error("area", "must be one of health-wellbeing, relationships, education-training, employment, accommodation, participation; got '" + areaCode + "'");
            }
        }
        String title = f.required("title");
        String kind = f.required("kind");
        if (kind != null && !kind.equals("statutory") && !kind.equals("discretionary")) f.error("kind", "must be statutory or discretionary, got '" + kind + "'");
        AgeRange ages = ages(f);
        Set<String> statuses = f.codes("statuses", "status", vocabulary);
        boolean outOfArea = !row.has("applies_out_of_area") || f.bool("applies_out_of_area");
        Integer amountGbp = f.integer("amount_gbp", 0, 1_000_000);
        Provenance provenance = provenance(f, sourceId);
        UUID given = f.uuid("id");
        if (errorCount(problems) > before) return null;
        UUID id = given != null ? given : UUID.nameUUIDFromBytes(("entitlement:" + source + ":" + sourceId).getBytes(StandardCharsets.UTF_8));
        return new Entitlement(id, authority, nation, area, topic, title, f.text("title_cy"), f.text("detail"), "statutory".equals(kind),
                f.text("amount"), amountGbp, ages, statuses, f.text("conditions"), outOfArea, provenance);
    }

    private AgeRange ages(FieldReader f) {
        Integer min = f.integer("age_min", 0, 120), max = f.integer("age_max", 0, 120);
        if (min != null && max != null && min > max) {
            f.error("age_max", "age_max " + max + " is below age_min " + min);
            return AgeRange.ANY;
        }
        if (max != null && max < 16) f.warning("age_max", "age_max " + max + " is below 16: no care leaver could use this");
        return new AgeRange(min, max);
    }

    private Set<String> acceptsHomeAuthorities(FieldReader f, String authority) {
        String v = f.text("accepts_home_authorities");
        if (v == null || v.equals("any")) return Set.of();
        if (v.equals("own")) {
            if (authority == null) { f.error("accepts_home_authorities", "'own' needs the authority column"); return Set.of(); }
            return Set.of(authority);
        }
        return f.authorities("accepts_home_authorities", authorities::containsKey);
    }

    private Residence residence(FieldReader f, String authority) {
        String kind = f.text("residence");
        // An authority's service for its own care leavers follows them wherever they live.
        if (kind == null) kind = authority == null || "own".equals(f.text("accepts_home_authorities")) ? "national" : "authorities";
        switch (kind) {
            case "national":
                return Residence.NATIONAL;
            case "authorities": {
                Set<String> codes = f.authorities("residence_authorities", authorities::containsKey);
                if (codes.isEmpty() && authority != null) codes = Set.of(authority);
                if (codes.isEmpty()) { f.error("residence_authorities", "residence 'authorities' needs residence_authorities or an authority"); return Residence.NATIONAL; }
                return Residence.authorities(codes);
            }
            case "radius": {
                Double km = f.decimal("radius_km", 0.1, 1000);
                if (km == null) { f.error("radius_km", "residence 'radius' needs radius_km"); return Residence.NATIONAL; }
                if (f.text("lat") == null) f.error("lat", "residence 'radius' needs the service's lat and lon");
                return new Residence(Residence.Kind.RADIUS, Set.of(), km, null);
            }
            case "catchment": {
                String wkt = f.text("catchment_wkt");
                if (wkt == null) { f.error("catchment_wkt", "residence 'catchment' needs catchment_wkt"); return Residence.NATIONAL; }
                try { Wkt.polygonal(wkt); } catch (IllegalArgumentException e) { f.error("catchment_wkt", e.getMessage()); return Residence.NATIONAL; }
                return new Residence(Residence.Kind.CATCHMENT, Set.of(), null, wkt);
            }
            default:
                f.error("residence", "must be national, authorities, radius or catchment, got '" + kind + "'");
                return Residence.NATIONAL;
        }
    }

    /**
     * Where the row's facts come from. A sourced fact must name its page ({@code source_url}) and
     * when it was recorded; {@code provenance} may be left blank for it. An illustrative row says
     * why in {@code source_note}.
     */
    Provenance provenance(FieldReader f, String sourceId) {
        String p = f.text("provenance");
        if (p == null) p = "sourced";
        if (!p.equals("sourced") && !p.equals("illustrative")) f.error("provenance", "must be sourced or illustrative, got '" + p + "'");
        boolean illustrative = "illustrative".equals(p);
        String note = illustrative ? f.required("source_note") : f.text("source_note");
        String url = illustrative ? f.url("source_url") : f.requiredUrl("source_url");
        LocalDate recorded = f.date("recorded", today);
        if (!illustrative && recorded == null && !f.has("recorded")) f.error("recorded", "is required for a sourced fact: the date it was recorded from its page");
        return new Provenance(source, sourceId, importedAt, f.date("last_verified", today), illustrative, note, url, f.pageDate("page_date", today), recorded);
    }

    private static int errorCount(List<ImportProblem> problems) {
        int n = 0;
        for (ImportProblem p : problems) if (p.isError()) n++;
        return n;
    }
}
