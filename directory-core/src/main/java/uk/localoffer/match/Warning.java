package uk.localoffer.match;

import java.util.List;

/**
 * What may get in the way of a result: a code and its values (km, weeks, months, a language code). {@code for_group}:
 * the service is meant for groups the young person is not in (circumstance codes); {@code office_hours_only}: in a
 * crisis, it answers in office hours only; {@code ends_soon}: the young person (17 or older) is a year or less from its
 * upper age, the last age it takes; {@code charges}: the young person must pay to use it; {@code authority_pays}: their
 * authority must pay (a membership the council buys).
 */
public record Warning(Code code, List<Object> args) {
    public enum Code implements Explained {
        TRAVEL_COSTS("km"), PLACE_NOT_RECORDED, PLACE_APPROXIMATE, ACCESS_NOT_RECORDED, NEEDS_PROFESSIONAL_REFERRAL,
        NEEDS_CLINICAL_ASSESSMENT, USUAL_WAIT("weeks"), ONLY_IN_ENGLISH, ONLY_IN_ENGLISH_NOT_LANGUAGE("language"),
        NEVER_CHECKED, SOURCE_OUT_OF_DATE, LAST_CONFIRMED("months"), ILLUSTRATIVE, FOR_GROUP("circumstances"), OFFICE_HOURS_ONLY, ENDS_SOON("age_max"),
        CHARGES, AUTHORITY_PAYS;

        private final List<String> params;

        Code(String... params) { this.params = List.of(params); }

        @Override public List<String> params() { return params; }
    }

    public static Warning of(Code code, Object... values) { return new Warning(code, Explained.values(code, values)); }
}
