package uk.localoffer.server.pages;

import io.javalin.http.Context;
import uk.localoffer.directory.Directory;
import uk.localoffer.domain.Delivery;
import uk.localoffer.domain.LanguageSupport;
import uk.localoffer.domain.Vocabulary;
import uk.localoffer.geo.Postcodes;
import uk.localoffer.match.Profile;
import uk.localoffer.match.Urgency;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * What the find form was given, with an error per field. What was typed is used for one search and
 * never kept: it lives only in the page's address (every field is a GET parameter).
 *
 * @param english whether the young person can use English: {@code yes}, {@code little} (a service
 *                in their language ranks first, English ones still come) or {@code no} (only
 *                services in their language or with interpreters)
 * @param distance the furthest they can travel to an in-person service, in km; null = any distance
 */
record FindForm(String postcode, String age, List<String> needs, String language, String english, String status,
                List<String> circumstances, String urgency, String distance, List<String> delivery, String home,
                Map<String, String> errors) {
    static final FindForm EMPTY = new FindForm(null, null, List.of(), null, "yes", null, List.of(), "routine", null, List.of(), null, Map.of());
    /** The languages offered in the form, besides English. */
    static final List<String> LANGUAGES = List.of("cy", "ar", "fa", "ps", "ku", "ti", "am", "so", "ur", "bn", "pl", "ro", "sq", "vi", "fr", "uk");
    static final List<String> DISTANCES = List.of("2", "5", "10", "20", "50");
    /** Every parameter the form sends, in the order of the form. */
    static final List<String> PARAMETERS = List.of("home", "postcode", "age", "need", "status", "circumstance", "language", "english", "urgency",
            "distance", "delivery");

    /** Reads the form; the postcode and age must be given ({@code requireHome}: and the home council, for the PA's view). */
    static FindForm read(Context ctx, String lang, boolean requireHome, Directory directory) {
        Vocabulary v = directory.vocabulary();
        String postcode = one(ctx, "postcode"), age = one(ctx, "age"), language = one(ctx, "language"), english = one(ctx, "english"),
                status = one(ctx, "status"), urgency = one(ctx, "urgency"), distance = one(ctx, "distance"), home = one(ctx, "home");
        List<String> needs = codes(ctx, "need", c -> v.has("need", c)), circumstances = codes(ctx, "circumstance", c -> v.has("circumstance", c)),
                delivery = codes(ctx, "delivery", c -> v.has("delivery", c));
        if (language != null && (!LanguageSupport.isCode(language) || language.equals("en"))) language = null;
        if (english == null || !List.of("yes", "little", "no").contains(english)) english = "yes";
        if (status != null && !v.has("status", status)) status = null;
        if (urgency == null || !v.has("urgency", urgency)) urgency = "routine";
        if (distance != null && !DISTANCES.contains(distance)) distance = null;
        if (home != null && directory.authority(home).isEmpty()) home = null;
        Map<String, String> errors = new LinkedHashMap<>();
        if (requireHome && home == null) errors.put("home", Messages.get(lang, "error.home"));
        Optional<Postcodes.Parsed> parsed = Postcodes.parse(postcode);
        if (parsed.isEmpty()) errors.put("postcode", String.format(Messages.get(lang, "error.postcode"), Messages.get(lang, "postcode.example")));
        else if (!directory.postcodes().knows(parsed.get())) errors.put("postcode", String.format(Messages.get(lang, "error.postcode.unknown"), Messages.get(lang, "postcode.example").split(" ")[0]));
        try {
            int a = Integer.parseInt(age == null ? "" : age);
            if (a < 16 || a > 30) errors.put("age", Messages.get(lang, "error.age"));
        } catch (NumberFormatException e) {
            errors.put("age", Messages.get(lang, "error.age"));
        }
        if ("no".equals(english) && language == null) errors.put("language", Messages.get(lang, "error.language"));
        return new FindForm(postcode, age, needs, language, english, status, circumstances, urgency, distance, delivery, home, errors);
    }

    /** The same values, without errors: a form filled in again from its address ("change your search"). */
    FindForm withoutErrors() {
        return new FindForm(postcode, age, needs, language, english, status, circumstances, urgency, distance, delivery, home, Map.of());
    }

    /** Whether the form was sent at all (any of its fields given). */
    static boolean sent(Context ctx) {
        return PARAMETERS.stream().anyMatch(p -> !ctx.queryParams(p).isEmpty());
    }

    private static String one(Context ctx, String name) {
        String s = ctx.queryParam(name);
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static List<String> codes(Context ctx, String name, java.util.function.Predicate<String> known) {
        return ctx.queryParams(name).stream().map(String::trim).filter(known).distinct().limit(30).toList();
    }

    boolean hasError(String field) { return errors.containsKey(field); }

    String error(String field) { return errors.get(field); }

    boolean needs(String code) { return needs.contains(code); }

    /** Whether any of the optional facts is given (the form opens its "more" section then). */
    boolean hasMore() {
        return status != null || !circumstances.isEmpty() || language != null || !"yes".equals(english) || !"routine".equals(urgency)
                || distance != null || !delivery.isEmpty() || hasError("language");
    }

    /** The profile the form describes (it has no errors). */
    Profile profile() {
        Profile.Builder b = Profile.builder().age(Integer.parseInt(age)).postcode(postcode);
        for (String n : needs) b.need(n);
        if (language != null) b.languages(language);
        b.englishOk(!"no".equals(english));
        if (status != null) b.status(status);
        b.circumstances(circumstances.toArray(String[]::new));
        b.urgency(Urgency.parse(urgency));
        if (distance != null) b.maxDistanceKm(Double.valueOf(distance));
        if (home != null) b.home(home);
        b.delivery(delivery.stream().map(Delivery::parse).toArray(Delivery[]::new));
        return b.build();
    }

    /** The form as a query string, in the form's order (for "change your search", the shortlist and the language switch). */
    String query() {
        StringJoiner q = new StringJoiner("&");
        for (Map.Entry<String, String> f : fields()) q.add(f.getKey() + "=" + Html.url(f.getValue()));
        return q.toString();
    }

    /** The form's values as name, value pairs in the form's order (also the hidden fields of the shortlist form). */
    List<Map.Entry<String, String>> fields() {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        add(out, "home", home);
        add(out, "postcode", postcode);
        add(out, "age", age);
        needs.forEach(n -> add(out, "need", n));
        add(out, "status", status);
        circumstances.forEach(c -> add(out, "circumstance", c));
        add(out, "language", language);
        if (!"yes".equals(english)) add(out, "english", english);
        if (!"routine".equals(urgency)) add(out, "urgency", urgency);
        add(out, "distance", distance);
        delivery.forEach(d -> add(out, "delivery", d));
        return out;
    }

    private static void add(List<Map.Entry<String, String>> out, String name, String value) {
        if (value != null) out.add(Map.entry(name, value));
    }

    /** The search in one line: "Emotional wellbeing and mental health; Accommodation · age 19 · near L8 1ST …". */
    String summary(Words t) {
        List<String> parts = new ArrayList<>();
        parts.add(needs.isEmpty() ? t.get("summary.anything") : String.join(t.get("summary.and"), needs.stream().map(t::need).toList()));
        parts.add(t.f("summary.age", age));
        parts.add(t.f("summary.near", postcode.toUpperCase(java.util.Locale.ROOT)));
        if (home != null) parts.add(t.f("summary.home", t.authority(home)));
        if (status != null) parts.add(t.label("status", status));
        circumstances.forEach(c -> parts.add(t.label("circumstance", c)));
        if (language != null) parts.add(t.f("summary.language." + english, t.language(language)));
        if (!"routine".equals(urgency)) parts.add(t.f("summary.urgency", t.label("urgency", urgency)));
        if (distance != null) parts.add(t.f("summary.distance", distance));
        if (!delivery.isEmpty()) parts.add(String.join(t.get("summary.or"), delivery.stream().map(d -> t.label("delivery", d)).toList()));
        return String.join(" · ", parts);
    }
}
