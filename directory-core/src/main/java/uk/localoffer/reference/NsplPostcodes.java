package uk.localoffer.reference;

import uk.localoffer.domain.GeoPoint;
import uk.localoffer.geo.PostcodeTable;
import uk.localoffer.geo.Postcodes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/** Every GB postcode of the NSPL file with its position in hundred-thousandths of a degree. */
record NsplPostcodes(String[] code, int[] lat, int[] lon) {
    int size() { return code.length; }

    GeoPoint point(int i) { return new GeoPoint(lat[i] / PostcodeTable.UNITS_PER_DEGREE, lon[i] / PostcodeTable.UNITS_PER_DEGREE); }

    static NsplPostcodes read(Path gzippedCsv) throws IOException {
        List<String> codes = new ArrayList<>(2_700_000);
        int[] lat = new int[2_700_000], lon = new int[2_700_000];
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                Files.newInputStream(gzippedCsv), 1 << 16), StandardCharsets.US_ASCII))) {
            if (!"postcode,lat,lon".equals(r.readLine())) throw new IOException("unexpected header in the NSPL postcode file");
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] p = line.split(",");
                if (Postcodes.parse(p[0]).filter(x -> x.full() && x.normalised().equals(p[0])).isEmpty())
                    throw new IOException("'" + p[0] + "' is not a postcode the product can read");
                int i = codes.size();
                if (i == lat.length) { lat = Arrays.copyOf(lat, i * 2); lon = Arrays.copyOf(lon, i * 2); }
                lat[i] = (int) Math.round(Double.parseDouble(p[1]) * PostcodeTable.UNITS_PER_DEGREE);
                lon[i] = (int) Math.round(Double.parseDouble(p[2]) * PostcodeTable.UNITS_PER_DEGREE);
                codes.add(p[0]);
            }
        }
        return new NsplPostcodes(codes.toArray(String[]::new), Arrays.copyOf(lat, codes.size()), Arrays.copyOf(lon, codes.size()));
    }

    /** Writes the packed table ({@link PostcodeTable}), each postcode with the nation of its authority; says what it wrote. */
    String writeTable(Path file, String[] authority) throws IOException {
        List<PostcodeTable.Row> rows = new ArrayList<>(size());
        Map<Character, Integer> byNation = new TreeMap<>();
        for (int i = 0; i < size(); i++) {
            char nation = authority[i].charAt(0);
            if (nation != 'E' && nation != 'W' && nation != 'S') throw new IllegalStateException(code[i] + " is placed in " + authority[i]);
            byNation.merge(nation, 1, Integer::sum);
            String[] parts = code[i].split(" ");
            rows.add(new PostcodeTable.Row(parts[0], parts[1], lat[i], lon[i], nation));
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            PostcodeTable.of(rows).write(out);
        }
        return PostcodeTable.FILE + ": " + rows.size() + " postcodes " + byNation + ", " + Files.size(file) + " bytes";
    }
}
