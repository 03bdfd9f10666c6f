package uk.localoffer.server.text;

import uk.localoffer.domain.AgeRange;
import uk.localoffer.domain.Authority;
import uk.localoffer.domain.Vocabulary;
import uk.localoffer.match.Exclusion;
import uk.localoffer.match.Explained;
import uk.localoffer.match.Reason;
import uk.localoffer.match.Warning;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The matcher's reasons, warnings, exclusions and notices in words a young person understands, in
 * English or Welsh, from the message bundles {@code messages/match.properties} and
 * {@code messages/match_cy.properties} (the Welsh is a draft: docs/welsh-strings.md). Answers give
 * each as data: its code, its values by name, and its words in the answer's language.
 */
public final class MatchText {
    private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    private static final ResourceBundle EN = ResourceBundle.getBundle("messages.match", Locale.ROOT, NO_FALLBACK);
    private static final ResourceBundle CY = ResourceBundle.getBundle("messages.match", Locale.forLanguageTag("cy"), NO_FALLBACK);

    private final Vocabulary vocabulary;
    private final Function<String, Authority> authorities;

    /** @param authorities an authority by GSS code, or null (exclusions name councils by name) */
    public MatchText(Vocabulary vocabulary, Function<String, Authority> authorities) {
        this.vocabulary = vocabulary;
        this.authorities = authorities;
    }

    /** The bundle of a language: Welsh for "cy", else English. */
    public static ResourceBundle words(String lang) { return "cy".equals(lang) ? CY : EN; }

    /** One message by its key, in English or Welsh. */
    public static String word(String lang, String key) { return words(lang).getString(key); }

    public String of(Reason r, String lang) {
        List<Object> a = r.args();
        return format(lang, "reason", r.code(), switch (r.code()) {
            case NEED, RELATED_NEED -> new Object[]{vocabulary.label("need", (String) a.get(0), lang)};
            case USABLE_REMOTELY -> new Object[]{strings(a.get(0)).map(way -> word(lang, "way." + way)).collect(Collectors.joining(", "))};
            case DELIVERED_IN -> new Object[]{languageName((String) a.get(0), lang)};
            case DESIGNED_FOR -> new Object[]{vocabulary.label("circumstance", (String) a.get(0), lang)};
            default -> a.toArray();
        });
    }

    public String of(Warning w, String lang) {
        List<Object> a = w.args();
        return format(lang, "warning", w.code(), switch (w.code()) {
            case ONLY_IN_ENGLISH_NOT_LANGUAGE -> new Object[]{languageName((String) a.get(0), lang)};
            case FOR_GROUP -> new Object[]{strings(a.get(0)).sorted().map(c -> vocabulary.label("circumstance", c, lang)).collect(Collectors.joining(", "))};
            default -> a.toArray();
        });
    }

    public String of(Exclusion e, String lang) {
        List<Object> a = e.args();
        if (e.code() == Exclusion.Code.OUTSIDE_AREA && ((Collection<?>) a.get(0)).isEmpty()) return word(lang, "exclusion.outside_area.nearby");
        return format(lang, "exclusion", e.code(), switch (e.code()) {
            case AGE -> new Object[]{a.get(0), ages((AgeRange) a.get(1), lang)};
            case STATUS -> new Object[]{strings(a.get(0)).map(c -> vocabulary.label("status", c, lang).toLowerCase(Locale.ROOT)).sorted()
                    .collect(Collectors.joining(word(lang, "or")))};
            case HOME_AUTHORITY, HOME_AUTHORITY_NOT_GIVEN, OUTSIDE_AREA -> new Object[]{councils(a.get(0), lang)};
            case EXCLUDES -> new Object[]{vocabulary.label("circumstance", (String) a.get(0), lang).toLowerCase(Locale.ROOT)};
            case NATION -> new Object[]{strings(a.get(0)).map(n -> word(lang, "in." + n)).collect(Collectors.joining(word(lang, "or")))};
            default -> a.toArray();
        });
    }

    public List<String> reasons(List<Reason> rs, String lang) { return rs.stream().map(r -> of(r, lang)).toList(); }

    public List<String> warnings(List<Warning> ws, String lang) { return ws.stream().map(w -> of(w, lang)).toList(); }

    public List<String> exclusions(List<Exclusion> es, String lang) { return es.stream().map(e -> of(e, lang)).toList(); }

    /** A reason as data: its code, its values by name, and its words. */
    public Map<String, Object> said(Reason r, String lang) { return said(r.code(), r.args(), of(r, lang)); }

    public Map<String, Object> said(Warning w, String lang) { return said(w.code(), w.args(), of(w, lang)); }

    public Map<String, Object> said(Exclusion e, String lang) { return said(e.code(), e.args(), of(e, lang)); }

    private static Map<String, Object> said(Explained code, List<Object> args, String text) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("code", code.code());
        for (int i = 0; i < args.size(); i++) out.put(code.params().get(i), value(args.get(i)));
        out.put("text", text);
        return out;
    }

    /** A value as JSON shows it: an age range as its limits, a distance to the metre, a set of codes as a sorted list. */
    private static Object value(Object v) {
        if (v instanceof AgeRange r) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("min", r.min());
            m.put("max", r.max());
            return m;
        }
        if (v instanceof Double d) return Math.round(d * 1000) / 1000.0;
        if (v instanceof Collection<?> c) return c.stream().map(String::valueOf).sorted().toList();
        return v;
    }

    /** A language's name in English ("Welsh" for cy) or Welsh ("Cymraeg"); the code itself when Java does not know it. */
    public static String languageName(String code, String lang) {
        Locale in = "cy".equals(lang) ? Locale.forLanguageTag("cy") : Locale.UK;
        String name = Locale.forLanguageTag(code).getDisplayLanguage(in);
        return name.isBlank() || name.equals(code) ? code : name;
    }

    /** "16 to 25", "up to 24", "18 and over", in the answer's language. */
    public static String ages(AgeRange r, String lang) {
        if (r.isAny()) return word(lang, "ages.any");
        if (r.min() == null) return String.format(Locale.ROOT, word(lang, "ages.max"), r.max());
        if (r.max() == null) return String.format(Locale.ROOT, word(lang, "ages.min"), r.min());
        return String.format(Locale.ROOT, word(lang, "ages.range"), r.min(), r.max());
    }

    /** Councils by name ("Croydon, Merton or Sutton"), each code that is not an authority left as it is. */
    private String councils(Object codes, String lang) {
        List<String> names = strings(codes).map(c -> {
            Authority a = authorities.apply(c);
            return a == null ? c : Authority.commonName(a.name(lang));
        }).sorted().toList();
        if (names.size() < 2) return String.join("", names);
        return String.join(", ", names.subList(0, names.size() - 1)) + word(lang, "or") + names.get(names.size() - 1);
    }

    private static String format(String lang, String kind, Explained code, Object[] values) {
        return String.format(Locale.ROOT, word(lang, kind + "." + code.code()), values);
    }

    private static Stream<String> strings(Object values) {
        return ((Collection<?>) values).stream().map(String::valueOf);
    }
}
