package uk.localoffer.domain;

/** How a service reaches the young person (vocabulary kind "delivery"). */
public enum Delivery {
    IN_PERSON("in_person"), PHONE("phone"), ONLINE("online"), HOME_VISIT("home_visit");

    private final String code;

    Delivery(String code) { this.code = code; }

    public String code() { return code; }

    /** Needs the young person to travel to a place. */
    public boolean needsTravel() { return this == IN_PERSON; }

    public static Delivery parse(String code) {
        return Codes.parse(values(), Delivery::code, code, "unknown delivery '" + code + "' (expected in_person, phone, online or home_visit)");
    }
}
