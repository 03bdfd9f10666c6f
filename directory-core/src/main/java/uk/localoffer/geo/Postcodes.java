package uk.localoffer.geo;

import uk.localoffer.domain.PostcodeDistrict;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Offline postcode geocoding to the postcode district (outcode): precise to a few kilometres,
 * enough to find the host authority and rank by distance without sending the postcode anywhere.
 */
public final class Postcodes {
    private static final Pattern FULL = Pattern.compile("^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})$");
    private static final Pattern OUTCODE = Pattern.compile("^[A-Z]{1,2}[0-9][A-Z0-9]?$");

    /** A postcode as the user typed it, tidied: upper case, one space before the inward code. */
    public record Parsed(String normalised, String outcode, boolean full) { }

    private final Map<String, PostcodeDistrict> districts = new HashMap<>();

    public Postcodes(List<PostcodeDistrict> districts) {
        for (PostcodeDistrict d : districts) this.districts.put(d.outcode(), d);
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

    public int size() { return districts.size(); }
}
