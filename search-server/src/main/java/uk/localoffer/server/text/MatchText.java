package uk.localoffer.server.text;

import uk.localoffer.domain.Vocabulary;
import uk.localoffer.match.Exclusion;
import uk.localoffer.match.Explained;
import uk.localoffer.match.Reason;
import uk.localoffer.match.Warning;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

/**
 * The matcher's reasons, warnings and exclusions in words a young person understands, from the
 * message bundle {@code messages/match.properties}: the one place their English lives.
 */
public final class MatchText {
    private final ResourceBundle words = ResourceBundle.getBundle("messages.match", Locale.ROOT);
    private final Vocabulary vocabulary;

    public MatchText(Vocabulary vocabulary) { this.vocabulary = vocabulary; }

    public String of(Reason r) {
        List<Object> a = r.args();
        return format("reason", r.code(), switch (r.code()) {
            case HELPS_WITH -> new Object[]{labels("need", a.get(0)).collect(Collectors.joining(", "))};
            case USABLE_REMOTELY -> new Object[]{strings(a.get(0)).map(way -> words.getString("way." + way)).collect(Collectors.joining(", "))};
            case DELIVERED_IN -> new Object[]{languageName((String) a.get(0))};
            case DESIGNED_FOR -> new Object[]{vocabulary.label("circumstance", (String) a.get(0), "en")};
            default -> a.toArray();
        });
    }

    public String of(Warning w) {
        List<Object> a = w.args();
        return format("warning", w.code(), switch (w.code()) {
            case ONLY_IN_ENGLISH_NOT_LANGUAGE -> new Object[]{languageName((String) a.get(0))};
            default -> a.toArray();
        });
    }

    public String of(Exclusion e) {
        List<Object> a = e.args();
        return format("exclusion", e.code(), switch (e.code()) {
            case AGE -> new Object[]{a.get(0), a.get(1).toString()};
            case STATUS -> new Object[]{labels("status", a.get(0)).map(String::toLowerCase).sorted().collect(Collectors.joining(" or "))};
            case HOME_AUTHORITY, HOME_AUTHORITY_NOT_GIVEN -> new Object[]{strings(a.get(0)).sorted().collect(Collectors.joining(", "))};
            case EXCLUDES -> new Object[]{vocabulary.label("circumstance", (String) a.get(0), "en").toLowerCase()};
            default -> a.toArray();
        });
    }

    public List<String> reasons(List<Reason> rs) { return rs.stream().map(this::of).toList(); }

    public List<String> warnings(List<Warning> ws) { return ws.stream().map(this::of).toList(); }

    public List<String> exclusions(List<Exclusion> es) { return es.stream().map(this::of).toList(); }

    /** The English name of a language ("Welsh" for cy); the code itself when Java does not know it. */
    public static String languageName(String code) {
        String name = Locale.forLanguageTag(code).getDisplayLanguage(Locale.UK);
        return name.isBlank() || name.equals(code) ? code : name;
    }

    private String format(String kind, Explained code, Object[] values) {
        return String.format(Locale.ROOT, words.getString(kind + "." + code.code()), values);
    }

    private java.util.stream.Stream<String> labels(String kind, Object codes) {
        return strings(codes).map(c -> vocabulary.label(kind, c, "en"));
    }

    private static java.util.stream.Stream<String> strings(Object values) {
        return ((Collection<?>) values).stream().map(String::valueOf);
    }
}
