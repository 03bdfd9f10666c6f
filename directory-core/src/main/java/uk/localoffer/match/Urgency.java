package uk.localoffer.match;

/** How soon the young person needs help (vocabulary kind "urgency"). */
public enum Urgency {
    ROUTINE("routine"), SOON("soon"), CRISIS("crisis");

    private final String code;

    Urgency(String code) { this.code = code; }

    public String code() { return code; }

    public static Urgency parse(String code) {
        for (Urgency u : values()) if (u.code.equals(code)) return u;
        throw new IllegalArgumentException("unknown urgency '" + code + "' (expected routine, soon or crisis)");
    }
}
