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
        return Codes.parse(values(), OfferArea::code, code, "unknown local-offer area '" + code + "'");
    }
}
