package uk.localoffer.server.pages;

import io.javalin.http.Context;
import uk.localoffer.directory.Directory;
import uk.localoffer.domain.Delivery;
import uk.localoffer.domain.LanguageSupport;
import uk.localoffer.domain.Vocabulary;
import uk.localoffer.geo.Postcodes;
import uk.localoffer.match.Profile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the find form was given, with an error per field. What was typed is used for one search and never kept. */
record FindForm(String postcode, String age, String need, String language, List<String> delivery, String home, Map<String, String> errors) {
    static final FindForm EMPTY = new FindForm(null, null, null, null, List.of(), null, Map.of());

    static FindForm read(Context ctx, String lang, boolean requireHome, Directory directory) {
        Vocabulary vocabulary = directory.vocabulary();
        String postcode = trim(ctx.queryParam("postcode")), age = trim(ctx.queryParam("age")), need = trim(ctx.queryParam("need")),
                language = trim(ctx.queryParam("language")), home = trim(ctx.queryParam("home"));
        List<String> delivery = ctx.queryParams("delivery").stream().filter(d -> vocabulary.has("delivery", d)).toList();
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<Postcodes.Parsed> parsed = Postcodes.parse(postcode);
        if (parsed.isEmpty()) errors.put("postcode", Messages.get(lang, "error.postcode"));
        else if (!directory.postcodes().knows(parsed.get())) errors.put("postcode", Messages.get(lang, "error.postcode.unknown"));
        try {
            int a = Integer.parseInt(age == null ? "" : age);
            if (a < 16 || a > 30) errors.put("age", Messages.get(lang, "error.age"));
        } catch (NumberFormatException e) {
            errors.put("age", Messages.get(lang, "error.age"));
        }
        if (need != null && !vocabulary.has("need", need)) need = null;
        if (language != null && !LanguageSupport.isCode(language)) language = null;
        if (home != null && directory.authority(home).isEmpty()) home = null;
        if (requireHome && home == null) errors.put("home", Messages.get(lang, "error.home"));
        return new FindForm(postcode, age, need, language, delivery, home, errors);
    }

    private static String trim(String s) { return s == null || s.isBlank() ? null : s.trim(); }

    /** The profile the form describes (it has no errors). */
    Profile profile() {
        Profile.Builder b = Profile.builder().age(Integer.parseInt(age)).postcode(postcode);
        if (need != null) b.need(need);
        if (language != null) b.languages(language);
        if (home != null) b.home(home);
        b.delivery(delivery.stream().map(Delivery::parse).toArray(Delivery[]::new));
        return b.build();
    }
}
