package uk.localoffer.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How current a record's facts are: the newest date anyone vouched for them (a check with the
 * provider, or the source page's own date), and signs in the facts themselves that the page is
 * out of date (support "to 21 unless in education", a setting-up-home grant under the £3,000
 * expected since 2023).
 */
public record Freshness(LocalDate assuredOn, Long monthsOld, List<String> signs) {
    public static final int OLD_MONTHS = 24;
    public static final int SETTING_UP_HOME_MINIMUM = 3000;
    /** The day given to facts whose source shows signs of being out of date: counted as old. */
    public static final LocalDate OUT_OF_DATE = LocalDate.of(2000, 1, 1);
    private static final Pattern TO_21_UNLESS = Pattern.compile("(?i)\\b(to|until|up to)( the age of| age)? 21,? unless\\b");

    public Freshness {
        signs = List.copyOf(signs);
    }

    public static Freshness of(Service s, LocalDate today) {
        return of(s.provenance(), s.description(), null, null, today);
    }

    public static Freshness of(Entitlement e, LocalDate today) {
        String text = String.join(" ", e.title(), e.detail() == null ? "" : e.detail(), e.conditions() == null ? "" : e.conditions());
        return of(e.provenance(), text, e.topic(), e.amountGbp(), today);
    }

    /** For facts with no text of their own to check (routes, council tax). */
    public static Freshness of(Provenance p, LocalDate today) {
        return of(p, null, null, null, today);
    }

    static Freshness of(Provenance p, String text, String topic, Integer amountGbp, LocalDate today) {
        LocalDate on = p.assuredOn();
        Long months = on == null ? null : ChronoUnit.MONTHS.between(on, today);
        return new Freshness(on, months, signs(text, topic, amountGbp));
    }

    /**
     * When a service's facts were last vouched for (a check with the provider, or its page's own
     * date); {@link #OUT_OF_DATE} when its text shows they are out of date; null when never.
     */
    public static LocalDate assuredDay(Service s) {
        return signs(s.description(), null, null).isEmpty() ? s.provenance().assuredOn() : OUT_OF_DATE;
    }

    private static List<String> signs(String text, String topic, Integer amountGbp) {
        List<String> signs = new ArrayList<>();
        if (text != null && TO_21_UNLESS.matcher(text).find()) signs.add("support_to_21_unless_in_education");
        if ("setting_up_home".equals(topic) && amountGbp != null && amountGbp < SETTING_UP_HOME_MINIMUM) signs.add("setting_up_home_below_3000");
        return signs;
    }

    /** Older than {@code months}, or showing a sign of being out of date. */
    public boolean stale(int months) {
        return !signs.isEmpty() || (monthsOld != null && monthsOld > months);
    }
}
