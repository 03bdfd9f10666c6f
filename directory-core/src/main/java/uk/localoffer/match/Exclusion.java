package uk.localoffer.match;

import java.util.List;

/**
 * Why a young person cannot use a service: a code and its values (their age and the service's
 * age range, status codes, authority codes, a circumstance code, the nations a service covers, the authorities whose
 * residents it serves (empty for a radius or catchment), km and the limit).
 */
public record Exclusion(Code code, List<Object> args) {
    public enum Code implements Explained {
        AGE("age", "ages"), STATUS("statuses"), HOME_AUTHORITY("authorities"), HOME_AUTHORITY_NOT_GIVEN("authorities"),
        EXCLUDES("circumstance"), NATION("nations"), OUTSIDE_AREA("authorities"), TOO_FAR("km", "limit_km"), DELIVERY, NOT_ELIGIBLE;

        private final List<String> params;

        Code(String... params) { this.params = List.of(params); }

        @Override public List<String> params() { return params; }

        /** Caused by the young person's own facts (age, status, home authority, a circumstance), not by where they live or how they travel. */
        public boolean aboutTheYoungPerson() {
            return this == AGE || this == STATUS || this == HOME_AUTHORITY || this == HOME_AUTHORITY_NOT_GIVEN || this == EXCLUDES;
        }
    }

    public static Exclusion of(Code code, Object... values) { return new Exclusion(code, Explained.values(code, values)); }
}
