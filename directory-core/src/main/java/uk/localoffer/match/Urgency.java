package uk.localoffer.match;

import uk.localoffer.domain.Codes;

/** How soon the young person needs help (vocabulary kind "urgency"). */
public enum Urgency {
    ROUTINE("routine"), SOON("soon"), CRISIS("crisis");

    private final String code;

    Urgency(String code) { this.code = code; }

    public String code() { return code; }

    public static Urgency parse(String code) {
        return Codes.parse(values(), Urgency::code, code, "unknown urgency '" + code + "' (expected routine, soon or crisis)");
    }
}
