package uk.localoffer.importer;

import com.fasterxml.jackson.databind.JsonNode;
import uk.localoffer.domain.Access;
import uk.localoffer.domain.AgeRange;
import uk.localoffer.domain.Authority;
import uk.localoffer.domain.Contact;
import uk.localoffer.domain.Delivery;
import uk.localoffer.domain.Eligibility;
import uk.localoffer.domain.GeoPoint;
import uk.localoffer.domain.Hours;
import uk.localoffer.domain.LanguageSupport;
import uk.localoffer.domain.Location;
import uk.localoffer.domain.Provenance;
import uk.localoffer.domain.Residence;
import uk.localoffer.domain.Service;
import uk.localoffer.domain.Vocabulary;
import uk.localoffer.oruk.OrukSchemas;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reads Open Referral UK 3.0 services (a saved /services page, a list of services, or one
 * service) into domain records. Care-leaver fields come from the {@code x_local_offer}
 * extension this directory writes; without it, needs are taken from attributes whose
 * taxonomy term is one of our need codes. Every problem names its JSON path.
 */
public final class OrukReader {
    private final String file;
    private final String source;
    private final Instant importedAt;
    private final Vocabulary vocabulary;
    private final Map<String, Authority> authorities;
    private final OrukSchemas schemas;

    public OrukReader(String file, String source, Instant importedAt, Vocabulary vocabulary, Map<String, Authority> authorities, OrukSchemas schemas) {
        this.file = file;
        this.source = source;
        this.importedAt = importedAt;
        this.vocabulary = vocabulary;
        this.authorities = authorities;
        this.schemas = schemas;
    }

    /** The services in a parsed file; problems are added to {@code problems}. */
    public List<Service> services(JsonNode root, List<ImportProblem> problems) {
        List<Service> out = new ArrayList<>();
        if (root.isObject() && root.has("contents")) {
            if (schemas != null) for (String m : schemas.validate("service_list.json", root)) problems.add(schemaError("$", "not a valid ORUK service list: ", m));
            int i = 0;
            for (JsonNode s : root.get("contents")) add(s, "$.contents[" + i++ + "]", out, problems);
        } else if (root.isArray()) {
            int i = 0;
            for (JsonNode s : root) add(s, "$[" + i++ + "]", out, problems);
        } else if (root.isObject()) {
            add(root, "$", out, problems);
        } else {
            problems.add(error("$", null, "expected an ORUK service, a list of services or a /services page"));
        }
        return out;
    }

    private void add(JsonNode s, String path, List<Service> out, List<ImportProblem> problems) {
        if (schemas != null) for (String m : schemas.validate("service.json", s)) problems.add(schemaError(path, "not valid ORUK 3.0: ", m));
        Service service = service(s, path, problems);
        if (service != null) out.add(service);
    }

    private static final java.util.regex.Pattern REQUIRED = java.util.regex.Pattern.compile("required property '([^']+)'");

    /**
     * A schema's complaint ("$.phones[0].number: ..." or ": required property 'status' not found"),
     * placed at its JSON path below {@code path} and naming the field at fault.
     */
    private ImportProblem schemaError(String path, String prefix, String message) {
        int colon = message.indexOf(": ");
        String at = colon < 0 ? "" : message.substring(0, colon).replaceFirst("^\\$", "");
        java.util.regex.Matcher required = REQUIRED.matcher(message);
        String field = required.find() ? required.group(1) : at.replaceAll("\\[\\d+]", "").replaceFirst("^.*\\.", "");
        return error(path + at, field.isEmpty() ? null : field, prefix + message);
    }

    private ImportProblem error(String path, String field, String message) {
        return new ImportProblem(ImportProblem.Severity.ERROR, file, path, field, message);
    }

    private Service service(JsonNode s, String path, List<ImportProblem> problems) {
        int before = problems.size();
        UUID id = null;
        try {
            id = UUID.fromString(s.path("id").asText());
        } catch (IllegalArgumentException e) {
            problems.add(error(path + ".id", "id", "must be a UUID, got '" + s.path("id").asText() + "'"));
        }
        String name = text(s, "name");
        if (name == null) problems.add(error(path + ".name", "name", "is required"));
        String description = text(s, "description");
        if (description == null) problems.add(error(path + ".description", "description", "is required by this directory (what the service offers)"));
        JsonNode x = s.path("x_local_offer");

        Set<String> needs = new LinkedHashSet<>();
        for (JsonNode n : x.path("needs")) needs.add(n.asText());
        if (needs.isEmpty())
            for (JsonNode a : s.path("attributes")) {
                String term = a.path("taxonomy_term").path("term").asText(a.path("taxonomy_term").path("name").asText());
                if (vocabulary.has("need", term)) needs.add(term);
            }
        for (String n : needs) if (!vocabulary.has("need", n)) problems.add(error(path + ".x_local_offer.needs", "needs", "unknown need code '" + n + "'"));
        if (needs.isEmpty()) problems.add(error(path + ".attributes", "needs",
                "no need codes: give x_local_offer.needs or attributes whose taxonomy term is a need code from data/vocabulary.csv"));

        String authority = x.hasNonNull("authority") ? x.get("authority").asText() : null;
        if (authority != null && !authorities.containsKey(authority)) problems.add(error(path + ".x_local_offer.authority", "authority", "unknown authority GSS code '" + authority + "'"));
        Integer min = s.has("minimum_age") ? Integer.valueOf(s.get("minimum_age").asInt()) : intOrNull(x, "age_min");
        Integer max = s.has("maximum_age") ? Integer.valueOf(s.get("maximum_age").asInt()) : intOrNull(x, "age_max");
        if (min != null && max != null && min > max) problems.add(error(path + ".maximum_age", "maximum_age", "is below minimum_age"));
        Set<String> statuses = codes(x.path("statuses"), "status", path + ".x_local_offer.statuses", problems);
        Set<String> circumstances = codes(x.path("circumstances"), "circumstance", path + ".x_local_offer.circumstances", problems);
        Set<String> exclusions = codes(x.path("exclusions"), "circumstance", path + ".x_local_offer.exclusions", problems);
        Set<String> accepts = new LinkedHashSet<>();
        for (JsonNode a : x.path("accepts_home_authorities")) if (!a.asText().equals("any")) accepts.add(a.asText());
        for (String a : accepts) if (!authorities.containsKey(a)) problems.add(error(path + ".x_local_offer.accepts_home_authorities", "accepts_home_authorities", "unknown authority GSS code '" + a + "'"));
        Residence residence = residence(x, authority, path, problems);
        String threshold = x.hasNonNull("threshold") ? x.get("threshold").asText() : null;
        if (threshold != null && !vocabulary.has("threshold", threshold)) problems.add(error(path + ".x_local_offer.threshold", "threshold", "unknown threshold code '" + threshold + "'"));
        Set<String> languages = new LinkedHashSet<>();
        for (JsonNode l : x.path("languages")) languages.add(l.asText());
        if (languages.isEmpty()) for (JsonNode l : s.path("languages")) if (text(l, "code") != null) languages.add(text(l, "code"));
        if (languages.isEmpty()) languages.add("en");
        LanguageSupport.WelshProvision welsh = switch (x.path("welsh").asText("none")) {
            case "active_offer" -> LanguageSupport.WelshProvision.ACTIVE_OFFER;
            case "on_request" -> LanguageSupport.WelshProvision.ON_REQUEST;
            default -> LanguageSupport.WelshProvision.NONE;
        };
        Set<Delivery> delivery = new LinkedHashSet<>();
        for (JsonNode d : x.path("delivery")) {
            try { delivery.add(Delivery.parse(d.asText())); } catch (IllegalArgumentException e) { problems.add(error(path + ".x_local_offer.delivery", "delivery", e.getMessage())); }
        }
        List<Location> locations = new ArrayList<>();
        int i = 0;
        for (JsonNode sal : s.path("service_at_locations")) {
            JsonNode loc = sal.path("location");
            GeoPoint p = null;
            if (loc.has("latitude") && loc.has("longitude")) {
                try {
                    p = new GeoPoint(loc.get("latitude").asDouble(), loc.get("longitude").asDouble());
                    if (!p.isInUk()) { problems.add(error(path + ".service_at_locations[" + i + "].location", "latitude", "the place is not in the United Kingdom")); p = null; }
                } catch (IllegalArgumentException e) {
                    problems.add(error(path + ".service_at_locations[" + i + "].location", "latitude", e.getMessage()));
                }
            }
            JsonNode address = loc.path("addresses").path(0);
            boolean approximate = loc.path("description").asText().startsWith("Approximate place");
            locations.add(new Location(text(loc, "name"), text(address, "address_1"), text(address, "postal_code"), p, approximate));
            i++;
        }
        if (delivery.isEmpty()) delivery.add(locations.isEmpty() ? Delivery.PHONE : Delivery.IN_PERSON);
        LocalDate verified = null;
        String assured = x.has("last_verified") ? (x.hasNonNull("last_verified") ? x.get("last_verified").asText() : null) : text(s, "assured_date");
        if (assured != null) {
            try { verified = LocalDate.parse(assured.length() > 10 ? assured.substring(0, 10) : assured); }
            catch (java.time.format.DateTimeParseException e) { problems.add(error(path + ".assured_date", "assured_date", "must be a date as YYYY-MM-DD, got '" + assured + "'")); }
        }
        uk.localoffer.domain.PageDate pageDate = null;
        if (x.hasNonNull("page_date")) {
            try { pageDate = uk.localoffer.domain.PageDate.parse(x.get("page_date").asText()); }
            catch (IllegalArgumentException e) { problems.add(error(path + ".x_local_offer.page_date", "page_date", e.getMessage())); }
        }
        LocalDate recorded = null;
        if (x.hasNonNull("recorded")) {
            try { recorded = LocalDate.parse(x.get("recorded").asText()); }
            catch (java.time.format.DateTimeParseException e) { problems.add(error(path + ".x_local_offer.recorded", "recorded", "must be a date as YYYY-MM-DD")); }
        }
        Set<uk.localoffer.domain.Nation> nations = new LinkedHashSet<>();
        for (JsonNode n : x.path("nations")) {
            try { nations.add(uk.localoffer.domain.Nation.parse(n.asText())); }
            catch (IllegalArgumentException e) { problems.add(error(path + ".x_local_offer.nations", "nations", e.getMessage())); }
        }
        if (problems.size() > before) return null;
        boolean illustrative = x.path("illustrative").asBoolean(false);
        String note = x.hasNonNull("source_note") ? x.get("source_note").asText() : "Imported from an Open Referral UK feed (" + file + ")";
        String cost = x.has("cost") ? text(x, "cost") : text(s.path("cost_options").path(0), "option");
        List<String> phones = new ArrayList<>();
        for (JsonNode ph : x.path("phones")) phones.add(ph.asText());
        if (!x.has("phones")) for (JsonNode ph : s.path("phones")) phones.add(phone(ph));
        if (phones.isEmpty() && text(x, "phone") != null) phones.add(text(x, "phone"));
        // This directory's own extension first; a feed without it is read from the standard's fields.
        String hours = x.has("hours") ? text(x, "hours") : text(s.path("schedules").path(0), "description");
        String referral = x.has("referral") ? text(x, "referral") : text(s, "application_process");
        return new Service(id, name, text(x, "name_cy"), description, text(x, "description_cy"),
                x.hasNonNull("organisation") ? x.get("organisation").asText() : text(s.path("organization"), "name"),
                authority, needs, x.path("care_leaver_specific").asBoolean(false), circumstances,
                new Eligibility(new AgeRange(min, max), statuses, accepts, residence, exclusions),
                new Access(threshold, intOrNull(x, "wait_weeks"), text(x, "referral")),
                new LanguageSupport(languages, x.path("interpreter").asBoolean(false), welsh), delivery, locations,
                new Hours(hours, x.path("out_of_hours").asBoolean(false), x.path("open_24_7").asBoolean(false)), cost,
                new Contact(phones, text(s, "email"), text(s, "url"), referral),
                new Provenance(source, id.toString(), importedAt, verified, illustrative, note, text(x, "source_url"), pageDate, recorded),
                nations);
    }

    private Residence residence(JsonNode x, String authority, String path, List<ImportProblem> problems) {
        String kind = x.path("residence").asText(authority == null ? "national" : "authorities");
        try {
            return switch (kind) {
                case "national" -> Residence.NATIONAL;
                case "authorities" -> {
                    Set<String> codes = new LinkedHashSet<>();
                    for (JsonNode a : x.path("residence_authorities")) codes.add(a.asText());
                    if (codes.isEmpty() && authority != null) codes.add(authority);
                    for (String c : codes) if (!authorities.containsKey(c)) problems.add(error(path + ".x_local_offer.residence_authorities", "residence_authorities", "unknown authority GSS code '" + c + "'"));
                    yield Residence.authorities(codes);
                }
                case "radius" -> new Residence(Residence.Kind.RADIUS, Set.of(), x.path("radius_km").asDouble(), null);
                case "catchment" -> {
                    uk.localoffer.geo.Wkt.polygonal(x.path("catchment_wkt").asText());
                    yield new Residence(Residence.Kind.CATCHMENT, Set.of(), null, x.path("catchment_wkt").asText());
                }
                default -> throw new IllegalArgumentException("must be national, authorities, radius or catchment, got '" + kind + "'");
            };
        } catch (IllegalArgumentException e) {
            problems.add(error(path + ".x_local_offer.residence", "residence", e.getMessage()));
            return Residence.NATIONAL;
        }
    }

    private Set<String> codes(JsonNode arr, String kind, String path, List<ImportProblem> problems) {
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode n : arr) {
            if (vocabulary.has(kind, n.asText())) out.add(n.asText());
            else problems.add(error(path, kind, "unknown " + kind + " code '" + n.asText() + "'"));
        }
        return out;
    }

    /** A phone as this directory keeps it, read back from an ORUK phone object ("Text only" ones as "text 85258"). */
    private static String phone(JsonNode p) {
        String n = p.path("number").asText("");
        return "Text only".equals(p.path("description").asText()) ? "text " + n : n;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }

    private static Integer intOrNull(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asInt();
    }
}
