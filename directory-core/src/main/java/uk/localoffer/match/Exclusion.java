package uk.localoffer.match;

import java.util.List;

/**
 * Why a young person cannot use a service: a code and its values (their age and the service's
 * age range, status codes, authority codes, a circumstance code, km and the limit).
 */
public record Exclusion(Code code, List<Object> args) {
    public enum Code implements Explained {
        AGE("age", "ages"), STATUS("statuses"), HOME_AUTHORITY("authorities"), HOME_AUTHORITY_NOT_GIVEN("authorities"),
        EXCLUDES("circumstance"), OUTSIDE_AREA, TOO_FAR("km", "limit_km"), DELIVERY, NOT_ELIGIBLE;

        private final List<String> params;

        Code(String... params) { this.params = List.of(params); }

        @Override public List<String> params() { return params; }
    }

    public static Exclusion of(Code code, Object... values) { return new Exclusion(code, Explained.values(code, values)); }
}
