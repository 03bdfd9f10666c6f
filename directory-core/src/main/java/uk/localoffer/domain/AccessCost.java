package uk.localoffer.domain;

/**
 * What using a service costs, and who must pay: the young person, or their (home) authority, as
 * for a membership the council buys. Read from a service's {@code cost}: blank is free; a cost
 * that begins "authority:" is paid by the authority ("authority: membership bought by the
 * council"), any other by the young person.
 */
public record AccessCost(Payer payer, String text) {
    public enum Payer {
        YOUNG_PERSON("young_person"), AUTHORITY("authority");

        private final String code;

        Payer(String code) { this.code = code; }

        public String code() { return code; }
    }

    static final String AUTHORITY_PAYS = "authority:";

    /** The cost of a service's {@code cost} cell, or null when it is free (blank). */
    public static AccessCost of(String cost) {
        if (cost == null || cost.isBlank()) return null;
        String c = cost.strip();
        if (c.regionMatches(true, 0, AUTHORITY_PAYS, 0, AUTHORITY_PAYS.length()))
            return new AccessCost(Payer.AUTHORITY, c.substring(AUTHORITY_PAYS.length()).strip());
        return new AccessCost(Payer.YOUNG_PERSON, c);
    }
}
