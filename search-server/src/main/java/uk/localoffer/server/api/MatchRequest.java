package uk.localoffer.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import uk.localoffer.domain.Delivery;
import uk.localoffer.domain.GeoPoint;
import uk.localoffer.domain.LanguageSupport;
import uk.localoffer.domain.Vocabulary;
import uk.localoffer.geo.Postcodes;
import uk.localoffer.match.Profile;
import uk.localoffer.match.Urgency;
import uk.localoffer.server.http.BadRequestException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The body of POST /api/v1/match: a profile in its JSON form (snake_case) and how many results
 * to give, read naming the field of every problem. The evaluation scenarios are written as
 * these bodies too, and read by the same code.
 */
public record MatchRequest(Profile profile, int limit) {
    public static final Set<String> FIELDS = Set.of("age", "postcode", "location", "home_authority", "needs", "languages",
            "english_ok", "status", "circumstances", "max_distance_km", "delivery", "urgency", "text", "limit");
    public static final int MAX_LIMIT = 100;

    /** A profile field that is missing or wrong: the body is at fault, the field named by its JSON name. */
    private static BadRequestException problem(String field, String message) {
        return BadRequestException.body(field, field + ": " + message);
    }

    public static MatchRequest parse(JsonNode body, Vocabulary vocabulary, Predicate<String> knownAuthority) {
        if (body == null || !body.isObject()) throw problem("body", "must be a JSON object");
        for (var it = body.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) throw problem(f, "unknown field (allowed: " + String.join(", ", FIELDS.stream().sorted().toList()) + ")");
        }
        Profile.Builder b = Profile.builder();
        Integer age = integer(body, "age", 0, 120);
        if (age == null) throw problem("age", "is required");
        b.age(age);
        if (body.hasNonNull("postcode")) {
            String pc = text(body, "postcode");
            if (Postcodes.parse(pc).isEmpty()) throw problem("postcode", "'" + pc + "' is not a UK postcode (for example L1 8JQ)");
            b.postcode(pc);
        }
        if (body.hasNonNull("location")) {
            JsonNode loc = body.get("location");
            if (!loc.isObject()) throw problem("location", "must be an object with lat and lon");
            for (var it = loc.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!f.equals("lat") && !f.equals("lon")) throw problem("location." + f, "unknown field (allowed: lat, lon)");
            }
            double lat = number(loc, "lat", "location.lat", -90, 90), lon = number(loc, "lon", "location.lon", -180, 180);
            GeoPoint p = new GeoPoint(lat, lon);
            if (!p.isInUk()) throw problem("location", "is not in the United Kingdom");
            b.location(p);
        }
        if (!body.hasNonNull("postcode") && !body.hasNonNull("location")) throw problem("postcode", "a postcode or a location is required");
        if (body.hasNonNull("home_authority")) {
            String code = text(body, "home_authority");
            if (!knownAuthority.test(code)) throw problem("home_authority", "unknown authority GSS code '" + code + "'");
            b.home(code);
        }
        JsonNode needs = body.get("needs");
        if (needs != null && !needs.isNull()) {
            if (needs.isArray()) {
                for (JsonNode n : needs) b.need(code(n, "needs", "need", vocabulary));
            } else if (needs.isObject()) {
                for (var it = needs.fields(); it.hasNext(); ) {
                    var e = it.next();
                    String code = e.getKey();
                    if (!vocabulary.has("need", code)) throw problem("needs", "unknown need code '" + code + "'");
                    if (!e.getValue().isNumber() || e.getValue().asDouble() <= 0 || e.getValue().asDouble() > 10)
                        throw problem("needs." + code, "weight must be a number above 0 and at most 10");
                    b.need(code, e.getValue().asDouble());
                }
            } else {
                throw problem("needs", "must be a list of need codes, or an object of code to weight");
            }
        }
        List<String> languages = new ArrayList<>();
        for (JsonNode l : array(body, "languages")) {
            String code = l.isTextual() ? l.asText().toLowerCase() : "";
            if (!LanguageSupport.isCode(code)) throw problem("languages", "'" + l.asText() + "' is not an ISO 639-1 code (two letters, e.g. cy, ps, ar)");
            languages.add(code);
        }
        b.languages(languages.toArray(String[]::new));
        if (body.has("english_ok")) {
            JsonNode e = body.get("english_ok");
            if (!e.isBoolean()) throw problem("english_ok", "must be true or false");
            b.englishOk(e.asBoolean());
        }
        if (body.hasNonNull("status")) b.status(code(body.get("status"), "status", "status", vocabulary));
        Set<String> circumstances = new LinkedHashSet<>();
        for (JsonNode c : array(body, "circumstances")) circumstances.add(code(c, "circumstances", "circumstance", vocabulary));
        b.circumstances(circumstances.toArray(String[]::new));
        if (body.hasNonNull("max_distance_km")) b.maxDistanceKm(number(body, "max_distance_km", "max_distance_km", 0.1, 1000));
        Set<Delivery> delivery = new LinkedHashSet<>();
        for (JsonNode d : array(body, "delivery")) {
            try {
                delivery.add(Delivery.parse(d.asText()));
            } catch (IllegalArgumentException e) {
                throw problem("delivery", e.getMessage());
            }
        }
        b.delivery(delivery.toArray(Delivery[]::new));
        if (body.hasNonNull("urgency")) {
            try {
                b.urgency(Urgency.parse(text(body, "urgency")));
            } catch (IllegalArgumentException e) {
                throw problem("urgency", e.getMessage());
            }
        }
        if (body.hasNonNull("text")) {
            String t = text(body, "text");
            if (t.length() > 200) throw problem("text", "must be at most 200 characters");
            b.text(t);
        }
        Integer limit = integer(body, "limit", 1, MAX_LIMIT);
        return new MatchRequest(b.build(), limit == null ? 10 : limit);
    }

    private static String text(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (!n.isTextual()) throw problem(field, "must be a string");
        return n.asText().trim();
    }

    private static Integer integer(JsonNode body, String field, int min, int max) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) return null;
        if (!n.isIntegralNumber()) throw problem(field, "must be a whole number");
        if (!n.canConvertToInt()) throw problem(field, "must be between " + min + " and " + max + ", got " + n.asText());
        int v = n.intValue();
        if (v < min || v > max) throw problem(field, "must be between " + min + " and " + max + ", got " + n.asText());
        return v;
    }

    private static double number(JsonNode body, String name, String field, double min, double max) {
        JsonNode n = body.get(name);
        if (n == null || n.isNull()) throw problem(field, "is required");
        if (!n.isNumber()) throw problem(field, "must be a number");
        double v = n.asDouble();
        if (!(v >= min && v <= max)) throw problem(field, "must be between " + min + " and " + max + ", got " + n.asText());
        return v;
    }

    private static List<JsonNode> array(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) return List.of();
        if (!n.isArray()) throw problem(field, "must be a list");
        List<JsonNode> out = new ArrayList<>();
        n.forEach(out::add);
        return out;
    }

    private static String code(JsonNode n, String field, String kind, Vocabulary vocabulary) {
        if (!n.isTextual()) throw problem(field, "must be a " + kind + " code (a string)");
        String code = n.asText();
        if (!vocabulary.has(kind, code)) throw problem(field, "unknown " + kind + " code '" + code + "' (allowed: " + String.join(", ", vocabulary.codes(kind)) + ")");
        return code;
    }

}
