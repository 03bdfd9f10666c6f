package uk.localoffer.domain;

/** Inclusive age limits in whole years; a null end is "no limit recorded". */
public record AgeRange(Integer min, Integer max) {
    public static final AgeRange ANY = new AgeRange(null, null);

    public AgeRange {
        if (min != null && (min < 0 || min > 120)) throw new IllegalArgumentException("age_min must be between 0 and 120");
        if (max != null && (max < 0 || max > 120)) throw new IllegalArgumentException("age_max must be between 0 and 120");
        if (min != null && max != null && min > max) throw new IllegalArgumentException("age_min " + min + " is above age_max " + max);
    }

    public boolean contains(int age) {
        return (min == null || age >= min) && (max == null || age <= max);
    }

    public boolean isAny() { return min == null && max == null; }

    @Override
    public String toString() {
        if (isAny()) return "any age";
        if (min == null) return "up to " + max;
        if (max == null) return min + " and over";
        return min + " to " + max;
    }
}
