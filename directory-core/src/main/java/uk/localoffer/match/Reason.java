package uk.localoffer.match;

import java.util.List;

/**
 * Why a result ranks where it does: a code and its values (a need code, delivery codes, km, a language or circumstance
 * code). {@code need} names a need the record itself lists that meets one asked for (the same, or a finer one);
 * {@code related_need} one the record lists beside it in the same local-offer area.
 */
public record Reason(Code code, List<Object> args) {
    public enum Code implements Explained {
        NEED("need"), RELATED_NEED("need"), USABLE_REMOTELY("ways"), DISTANCE("km"), NO_REFERRAL_NEEDED, PA_CAN_REFER, OPEN_24_7,
        ANSWERS_OUT_OF_HOURS, DELIVERED_IN("language"), INTERPRETERS, MEANT_FOR_CARE_LEAVERS, DESIGNED_FOR("circumstance");

        private final List<String> params;

        Code(String... params) { this.params = List.of(params); }

        @Override public List<String> params() { return params; }
    }

    public static Reason of(Code code, Object... values) { return new Reason(code, Explained.values(code, values)); }
}
