package uk.localoffer.match;

import java.util.List;

/** Why a result ranks where it does: a code and its values (need codes, delivery codes, km, a language or circumstance code). */
public record Reason(Code code, List<Object> args) {
    public enum Code implements Explained {
        HELPS_WITH("needs"), USABLE_REMOTELY("ways"), DISTANCE("km"), NO_REFERRAL_NEEDED, PA_CAN_REFER, OPEN_24_7,
        ANSWERS_OUT_OF_HOURS, DELIVERED_IN("language"), INTERPRETERS, MEANT_FOR_CARE_LEAVERS, DESIGNED_FOR("circumstance");

        private final List<String> params;

        Code(String... params) { this.params = List.of(params); }

        @Override public List<String> params() { return params; }
    }

    public static Reason of(Code code, Object... values) { return new Reason(code, Explained.values(code, values)); }
}
