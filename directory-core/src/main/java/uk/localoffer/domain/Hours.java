package uk.localoffer.domain;

/** Opening hours in words, and whether the service answers out of hours or at any hour. */
public record Hours(String description, boolean outOfHours, boolean open24x7) {
    public static final Hours UNKNOWN = new Hours(null, false, false);
}
