package uk.localoffer.domain;

/** How hard a service is to get into: threshold code (null = not recorded), usual wait, route in. */
public record Access(String threshold, Integer waitWeeks, String referral) {
    public static final Access UNKNOWN = new Access(null, null, null);
}
