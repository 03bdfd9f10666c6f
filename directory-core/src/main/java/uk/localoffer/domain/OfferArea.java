package uk.localoffer.domain;

/** The six areas every English local offer for care leavers covers. */
public enum OfferArea {
    HEALTH_WELLBEING("health-wellbeing"),
    RELATIONSHIPS("relationships"),
    EDUCATION_TRAINING("education-training"),
    EMPLOYMENT("employment"),
    ACCOMMODATION("accommodation"),
    PARTICIPATION("participation");

    private final String code;

    OfferArea(String code) { this.code = code; }

    public String code() { return code; }

    public static OfferArea parse(String code) {
        for (OfferArea a : values()) if (a.code.equals(code)) return a;
        throw new IllegalArgumentException("unknown local-offer area '" + code + "'");
    }
}
