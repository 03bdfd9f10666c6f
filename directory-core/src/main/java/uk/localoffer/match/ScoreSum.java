package uk.localoffer.match;

import java.util.EnumMap;
import java.util.Map;

/**
 * The weighted mean of the factors that apply to one profile, added up factor by factor in
 * {@link Factor}'s order (so the full and the fast score agree to the last bit); each factor's
 * value is kept by name when the words are wanted.
 */
final class ScoreSum {
    private final double[] weights = new double[Factor.values().length];
    private final Map<Factor, Double> values;
    private double total, weightSum;
    private int last = -1;

    ScoreSum(Weights w, boolean crisis, boolean keepValues) {
        for (Factor f : Factor.values()) weights[f.ordinal()] = f.weight(w, crisis);
        values = keepValues ? new EnumMap<>(Factor.class) : null;
    }

    void add(Factor f, double value) {
        if (f.ordinal() <= last) throw new IllegalStateException(f + " added out of order");
        last = f.ordinal();
        double w = weights[f.ordinal()];
        total += w * value;
        weightSum += w;
        if (values != null) values.put(f, value);
    }

    double score() { return weightSum == 0 ? 0 : total / weightSum; }

    /** The weight of one factor for this profile. */
    double weight(Factor f) { return weights[f.ordinal()]; }

    /** The sum of the weights added since {@link #clear}. */
    double weightSum() { return weightSum; }

    /** The factors added, in order; empty when values were not kept. */
    Map<Factor, Double> values() { return values == null ? Map.of() : values; }

    /** Ready for the next service. */
    void clear() {
        total = 0;
        weightSum = 0;
        last = -1;
        if (values != null) values.clear();
    }
}
