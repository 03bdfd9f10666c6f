package uk.localoffer.geo;

import uk.localoffer.domain.GeoPoint;
import uk.localoffer.domain.PostcodeDistrict;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Offline postcode geocoding, nothing sent anywhere: a full postcode to its own position (the
 * {@link PostcodeTable}, about a metre), an outcode to the mean position of its postcodes
 * (a few kilometres).
 */
public final class Postcodes {
    /** Outward codes: the usual shapes, and NPT, the old Newport outcode still in the lookup. */
    private static final String OUTWARD = "([A-Z]{1,2}[0-9][A-Z0-9]?|NPT)";
    private static final Pattern FULL = Pattern.compile("^" + OUTWARD + "([0-9][A-Z]{2})$");
    private static final Pattern OUTCODE = Pattern.compile("^" + OUTWARD + "$");

    /** A postcode as the user typed it, tidied: upper case, one space before the inward code. */
    public record Parsed(String normalised, String outcode, boolean full) {
        /** The inward code ("8JQ" of "L1 8JQ"); null for an outcode. */
        public String inward() { return full ? normalised.substring(outcode.length() + 1) : null; }
    }

    /** A full postcode found in the table: its own position and its nation (England, Wales or Scotland). */
    public record Found(GeoPoint point, String nation) {
        public boolean inEnglandOrWales() { return nation.equals("England") || nation.equals("Wales"); }
    }

    private final Map<String, PostcodeDistrict> districts = new HashMap<>();
    private final PostcodeTable table;

    public Postcodes(List<PostcodeDistrict> districts, PostcodeTable table) {
        for (PostcodeDistrict d : districts) this.districts.put(d.outcode(), d);
        this.table = table;
    }

    /** Parses a full postcode ("l1 8jq") or an outcode ("L1"); empty when it is neither. */
    public static Optional<Parsed> parse(String input) {
        if (input == null) return Optional.empty();
        String s = input.toUpperCase().replaceAll("\\s+", "");
        var m = FULL.matcher(s);
        if (m.matches()) return Optional.of(new Parsed(m.group(1) + " " + m.group(2), m.group(1), true));
        if (OUTCODE.matcher(s).matches()) return Optional.of(new Parsed(s, s, false));
        return Optional.empty();
    }

    public Optional<PostcodeDistrict> district(String outcode) {
        return Optional.ofNullable(districts.get(outcode));
    }

    /** A full postcode's own position, when the table has it. */
    public Optional<Found> postcode(Parsed p) {
        if (!p.full()) return Optional.empty();
        int i = table.indexOf(p.outcode(), p.inward());
        if (i < 0) return Optional.empty();
        String nation = switch (table.nation(i)) {
            case 'E' -> "England";
            case 'W' -> "Wales";
            default -> "Scotland";
        };
        return Optional.of(new Found(table.point(i), nation));
    }

    /** Whether a postcode (full, or an outcode) is known. */
    public boolean knows(Parsed p) {
        return p.full() ? table.indexOf(p.outcode(), p.inward()) >= 0 : districts.containsKey(p.outcode());
    }

    public int districtCount() { return districts.size(); }

    public int postcodeCount() { return table.size(); }
}
