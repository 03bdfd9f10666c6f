package uk.localoffer.match;

import java.util.List;

/** What may get in the way of a result: a code and its values (km, weeks, months, a language code). */
public record Warning(Code code, List<Object> args) {
    public enum Code implements Explained {
        TRAVEL_COSTS("km"), PLACE_NOT_RECORDED, PLACE_APPROXIMATE, ACCESS_NOT_RECORDED, NEEDS_PROFESSIONAL_REFERRAL,
        NEEDS_CLINICAL_ASSESSMENT, USUAL_WAIT("weeks"), ONLY_IN_ENGLISH, ONLY_IN_ENGLISH_NOT_LANGUAGE("language"),
        NEVER_CHECKED, SOURCE_OUT_OF_DATE, LAST_CONFIRMED("months"), ILLUSTRATIVE;

        private final List<String> params;

        Code(String... params) { this.params = List.of(params); }

        @Override public List<String> params() { return params; }
    }

    public static Warning of(Code code, Object... values) { return new Warning(code, Explained.values(code, values)); }
}
