package uk.localoffer.domain;

public enum Nation {
    ENGLAND("England"), WALES("Wales");

    private final String label;

    Nation(String label) { this.label = label; }

    public String label() { return label; }

    public static Nation parse(String s) {
        for (Nation n : values()) if (n.label.equalsIgnoreCase(s.trim())) return n;
        throw new IllegalArgumentException("unknown nation '" + s + "' (expected England or Wales)");
    }
}
