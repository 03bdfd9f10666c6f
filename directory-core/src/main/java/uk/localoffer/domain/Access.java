package uk.localoffer.domain;

/** How hard a service is to get into: threshold code (null = not recorded), usual wait, route in. */
public record Access(String threshold, Integer waitWeeks, String referral) {
    public static final Access UNKNOWN = new Access(null, null, null);

    /** Self-referral with no wait: the quickest way in outside a crisis service's hours. */
    public boolean quickSelfReferral() {
        return "self_referral".equals(threshold) && (waitWeeks == null || waitWeeks == 0);
    }

    /** No wait recorded, or a week at most. */
    public boolean shortWait() {
        return waitWeeks == null || waitWeeks <= 1;
    }
}
