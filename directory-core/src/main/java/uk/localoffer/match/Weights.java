package uk.localoffer.match;

import uk.localoffer.domain.Freshness;

/**
 * The weight of each ranking factor, and after how many months without a check a record
 * counts as stale; see docs/ranking.md before changing one.
 */
public record Weights(double need, double distance, double threshold, double urgency, double language,
                      double careLeaver, double circumstance, double ageEdge, double freshness, double text, int staleMonths) {
    public static final Weights DEFAULT = new Weights(0.30, 0.15, 0.15, 0.20, 0.20, 0.10, 0.15, 0.10, 0.05, 0.15, Freshness.OLD_MONTHS);

    public Weights withStaleMonths(int months) {
        if (months < 1 || months > 120) throw new IllegalArgumentException("stale months must be between 1 and 120, got " + months);
        return new Weights(need, distance, threshold, urgency, language, careLeaver, circumstance, ageEdge, freshness, text, months);
    }
}
