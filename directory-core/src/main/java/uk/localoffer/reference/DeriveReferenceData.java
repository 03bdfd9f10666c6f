package uk.localoffer.reference;

import com.fasterxml.jackson.databind.JsonNode;
import org.locationtech.jts.coverage.CoverageSimplifier;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.distance.IndexedFacetDistance;
import uk.localoffer.domain.DistrictCouncil;
import uk.localoffer.geo.Boundaries;
import uk.localoffer.geo.DistrictCouncils;
import uk.localoffer.geo.GeoJson;
import uk.localoffer.domain.GeoPoint;
import uk.localoffer.geo.PostcodeTable;
import uk.localoffer.geo.Postcodes;
import uk.localoffer.geo.Wkt;
import uk.localoffer.importer.CsvTable;
import uk.localoffer.importer.Importer;
import uk.localoffer.importer.OfferCsvWriter;
import uk.localoffer.store.RecordJson;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Derives the reference data the product ships in data/ from the raw inputs in the reference
 * data folder (../shared). Run by import-scripts/derive-reference-data.sh; nothing calls it at
 * run time. It writes:
 * <ul>
 *   <li>the fact tables (authorities.csv, postcode_districts.csv, district_councils.csv), the May
 *       2022 review table and the Open Referral UK 3.0 schemas with their licence;</li>
 *   <li>the boundaries of the 175 children's services authorities and of the 164 district
 *       councils under counties, simplified only as far as every postcode in England and Wales
 *       keeps the authority and district the unsimplified polygons give it;</li>
 *   <li>the packed table of every Great Britain postcode ({@link PostcodeTable});</li>
 *   <li>a sample of postcodes near boundaries with their expected answers, for the tests.</li>
 * </ul>
 */
public final class DeriveReferenceData {
    /** Simplification tolerances tried, in degrees; the largest that changes no answer is kept. */
    static final double[] TOLERANCES = {0, 1e-5, 2e-5, 5e-5, 1e-4, 2e-4, 5e-4, 1e-3};
    /** Decimal places of the shipped boundary coordinates (about a centimetre). */
    static final int DECIMALS = 7;
    /** "Near a boundary": within 0.001 degree of another polygon, about 110 m north-south and 70 m east-west. */
    static final double NEAR = 0.001;
    static final String SAMPLE = "directory-core/src/test/resources/boundary-postcodes.csv";

    private final Path shared;
    private final Path repo;
    private final Path data;

    DeriveReferenceData(Path shared, Path repo) {
        this.shared = shared;
        this.repo = repo;
        this.data = repo.resolve("data");
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: DeriveReferenceData SHARED_DIR REPOSITORY_DIR");
            System.exit(2);
        }
        new DeriveReferenceData(Path.of(args[0]), Path.of(args[1])).run();
    }

    /** Every GB postcode of the NSPL file with its position in hundred-thousandths of a degree. */
    private record NsplPostcodes(String[] code, int[] lat, int[] lon) {
        int size() { return code.length; }

        GeoPoint point(int i) { return new GeoPoint(lat[i] / PostcodeTable.UNITS_PER_DEGREE, lon[i] / PostcodeTable.UNITS_PER_DEGREE); }
    }

    void run() throws Exception {
        copyTables();
        checkVocabulary();
        List<DistrictCouncil> councils = districtCouncils();
        NsplPostcodes postcodes = postcodes();
        say("postcodes: " + postcodes.size() + " in Great Britain");

        Map<String, Geometry> uk = features("geo/ctyua_dec2023_uk_bsc.geojson", "CTYUA23CD", code -> true);
        Map<String, Geometry> authorities = filter(uk, code -> code.startsWith("E") || code.startsWith("W"));
        Map<String, Geometry> districts = features("geo/lad_may2024_uk_bsc.geojson", "LAD24CD", code -> code.startsWith("E07"));

        // The answers of the unsimplified polygons: every postcode's authority (snapping to the
        // nearest polygon when it is outside all), and for a county its district.
        Boundaries ukBoundaries = new Boundaries(uk);
        String[] authority = new String[postcodes.size()];
        int outside = 0;
        for (int i = 0; i < postcodes.size(); i++) {
            GeoPoint p = postcodes.point(i);
            authority[i] = ukBoundaries.authorityAt(p, Double.POSITIVE_INFINITY).orElseThrow();
            if (ukBoundaries.authorityAt(p, 0).isEmpty()) outside++;
        }
        say("postcodes outside every (generalised, coast-clipped) polygon, placed in the nearest: " + outside);
        String[] district = districts(new DistrictCouncils(councils, districts), postcodes, authority);

        Map<String, Geometry> simpleAuthorities = simplest("authority boundaries", authorities, shapes -> {
            Boundaries b = new Boundaries(shapes);
            return i -> !inEnglandOrWales(authority[i]) || b.authorityAt(postcodes.point(i), Double.POSITIVE_INFINITY).orElseThrow().equals(authority[i]);
        }, postcodes.size());
        Map<String, Geometry> simpleDistricts = simplest("district boundaries", districts, shapes -> {
            DistrictCouncils d = new DistrictCouncils(councils, shapes);
            return i -> district[i] == null || d.at(authority[i], postcodes.point(i)).orElseThrow().code().equals(district[i]);
        }, postcodes.size());
        writeBoundaries(Importer.AUTHORITY_BOUNDARIES, simpleAuthorities, names("geo/ctyua_dec2023_uk_bsc.geojson", "CTYUA23CD", "CTYUA23NM"));
        writeBoundaries(Importer.DISTRICT_BOUNDARIES, simpleDistricts, names("geo/lad_may2024_uk_bsc.geojson", "LAD24CD", "LAD24NM"));

        writePostcodeTable(postcodes, authority);
        writeSample(postcodes, authority, district, authorities, districts, councils);
    }

    // ---- fact tables, copied or selected ----

    private void copyTables() throws IOException {
        select("geo/la_centroids.csv", "authorities.csv", List.of("ons_code", "name", "name_cy", "nation", "region", "kind", "lat", "lon", "area_km2", "official_name"),
                List.of("gss_code", "name", "name_cy", "nation", "region", "kind", "lat", "lon", "area_km2", "official_name"));
        select("geo/postcode_district_centroids_nspl_may2025.csv", "postcode_districts.csv", List.of("outcode", "lat", "lon", "ctyua_code", "ctyua_share", "nation"),
                List.of("outcode", "lat", "lon", "authority_code", "authority_share", "nation"));
        copy(shared.resolve("domain/wwcsc_la_wellbeing_offers_2022.csv"), data.resolve(Importer.REVIEW_TABLE));
        Path schemas = shared.resolve("oruk/3.0/schema");
        try (Stream<Path> files = Files.list(schemas)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".json")).sorted().toList())
                copy(f, data.resolve("oruk/3.0/schema").resolve(f.getFileName().toString()));
        }
        copy(shared.resolve("oruk/LICENSE"), data.resolve("oruk/LICENSE"));
    }

    /** Writes {@code columns} of a shared CSV file under new names, row for row. */
    private void select(String from, String to, List<String> columns, List<String> header) throws IOException {
        CsvTable t = csv(from);
        try (Writer w = Files.newBufferedWriter(data.resolve(to), StandardCharsets.UTF_8)) {
            OfferCsvWriter.row(w, header);
            for (CsvTable.Row r : t.rows()) OfferCsvWriter.row(w, columns.stream().map(r::get).toList());
        }
        say(to + ": " + t.rows().size() + " rows from " + from);
    }

    private void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.write(to, Files.readAllBytes(from)); // the bytes only: the inputs are read-only, the copies are not
    }

    /** data/vocabulary.csv is written by hand (it adds Welsh labels): it must keep every code and English label of the domain's. */
    private void checkVocabulary() throws IOException {
        Set<String> ours = new LinkedHashSet<>();
        try (Reader r = Files.newBufferedReader(data.resolve("vocabulary.csv"))) {
            for (CsvTable.Row row : CsvTable.read("vocabulary.csv", r).rows()) ours.add(row.get("kind") + "|" + row.get("code") + "|" + row.get("parent") + "|" + row.get("label_en"));
        } catch (CsvTable.CsvSyntaxException e) {
            throw new IOException(e.getMessage(), e);
        }
        List<String> missing = new ArrayList<>();
        for (CsvTable.Row row : csv("domain/vocabulary.csv").rows()) {
            String key = row.get("kind") + "|" + row.get("code") + "|" + row.get("parent") + "|" + row.get("label_en");
            if (!ours.contains(key)) missing.add(key);
        }
        if (!missing.isEmpty()) throw new IllegalStateException("data/vocabulary.csv differs from the domain vocabulary: " + missing);
        say("vocabulary.csv: every code and English label of domain/vocabulary.csv is there");
    }

    /** The 318 English and Welsh local authority districts with their children's services authority and official name. */
    private List<DistrictCouncil> districtCouncils() throws IOException {
        Map<String, String> officialNames = new HashMap<>();
        for (CsvTable.Row r : csv("geo/mysociety_uk_local_authorities.csv").rows())
            officialNames.put(r.get("local-authority-code"), r.get("official-name"));
        List<DistrictCouncil> out = new ArrayList<>();
        try (Writer w = Files.newBufferedWriter(data.resolve("district_councils.csv"), StandardCharsets.UTF_8)) {
            OfferCsvWriter.row(w, List.of("code", "name", "name_cy", "kind", "authority_code", "official_name"));
            for (CsvTable.Row r : csv("geo/lad_to_utla.csv").rows()) {
                if (!r.get("spatial_check").equals("ok")) throw new IllegalStateException(r.get("lad_code") + " failed its spatial check");
                String official = officialNames.get(r.get("mysociety_code"));
                if (official == null) throw new IllegalStateException("no mySociety name for " + r.get("lad_code"));
                DistrictCouncil c = new DistrictCouncil(r.get("lad_code"), r.get("lad_name"), r.get("lad_name_cy"), r.get("lad_kind"), r.get("utla_code"), official);
                out.add(c);
                OfferCsvWriter.row(w, List.of(c.code(), c.name(), c.nameCy(), c.kind(), c.authorityCode(), c.officialName()));
            }
        }
        say("district_councils.csv: " + out.size() + " rows, " + out.stream().filter(DistrictCouncil::underCounty).count() + " under a county");
        return out;
    }

    private CsvTable csv(String name) throws IOException {
        try (Reader r = Files.newBufferedReader(shared.resolve(name), StandardCharsets.UTF_8)) {
            return CsvTable.read(name, r);
        } catch (CsvTable.CsvSyntaxException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    // ---- postcodes ----

    private NsplPostcodes postcodes() throws IOException {
        List<String> codes = new ArrayList<>(2_700_000);
        int[] lat = new int[2_700_000], lon = new int[2_700_000];
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                Files.newInputStream(shared.resolve("geo/postcodes_nspl_may2025.csv.gz")), 1 << 16), StandardCharsets.US_ASCII))) {
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

    private static boolean inEnglandOrWales(String code) { return code.startsWith("E") || code.startsWith("W"); }

    private static String[] districts(DistrictCouncils councils, NsplPostcodes postcodes, String[] authority) {
        String[] out = new String[postcodes.size()];
        for (int i = 0; i < postcodes.size(); i++)
            if (authority[i].startsWith("E10")) out[i] = councils.at(authority[i], postcodes.point(i)).orElseThrow().code();
        return out;
    }

    private void writePostcodeTable(NsplPostcodes postcodes, String[] authority) throws IOException {
        List<PostcodeTable.Row> rows = new ArrayList<>(postcodes.size());
        Map<Character, Integer> byNation = new TreeMap<>();
        for (int i = 0; i < postcodes.size(); i++) {
            char nation = authority[i].charAt(0);
            if (nation != 'E' && nation != 'W' && nation != 'S') throw new IllegalStateException(postcodes.code()[i] + " is placed in " + authority[i]);
            byNation.merge(nation, 1, Integer::sum);
            String[] parts = postcodes.code()[i].split(" ");
            rows.add(new PostcodeTable.Row(parts[0], parts[1], postcodes.lat()[i], postcodes.lon()[i], nation));
        }
        Path file = data.resolve(PostcodeTable.FILE);
        try (OutputStream out = Files.newOutputStream(file)) {
            PostcodeTable.of(rows).write(out);
        }
        say(PostcodeTable.FILE + ": " + rows.size() + " postcodes " + byNation + ", " + Files.size(file) + " bytes");
    }

    // ---- boundaries ----

    private Map<String, Geometry> features(String file, String codeProperty, Predicate<String> keep) throws IOException {
        Map<String, Geometry> out = new TreeMap<>();
        for (JsonNode f : RecordJson.MAPPER.readTree(shared.resolve(file).toFile()).path("features")) {
            String code = f.path("properties").path(codeProperty).asText();
            if (keep.test(code)) out.put(code, GeoJson.geometry(f.path("geometry")));
        }
        return out;
    }

    private Map<String, String> names(String file, String codeProperty, String nameProperty) throws IOException {
        Map<String, String> out = new HashMap<>();
        for (JsonNode f : RecordJson.MAPPER.readTree(shared.resolve(file).toFile()).path("features"))
            out.put(f.path("properties").path(codeProperty).asText(), f.path("properties").path(nameProperty).asText());
        return out;
    }

    private static Map<String, Geometry> filter(Map<String, Geometry> shapes, Predicate<String> keep) {
        Map<String, Geometry> out = new TreeMap<>();
        shapes.forEach((code, g) -> { if (keep.test(code)) out.put(code, g); });
        return out;
    }

    /**
     * The most simplified coverage (JTS CoverageSimplifier keeps shared edges shared) whose
     * shipped form, coordinates rounded, still gives every postcode the same answer. The
     * tolerances are tried from the smallest; the first that changes an answer stops the search.
     */
    private Map<String, Geometry> simplest(String what, Map<String, Geometry> shapes,
                                           java.util.function.Function<Map<String, Geometry>, java.util.function.IntPredicate> sameAnswer, int postcodes) {
        List<String> codes = new ArrayList<>(shapes.keySet());
        Geometry[] coverage = shapes.values().toArray(Geometry[]::new);
        Map<String, Geometry> kept = null;
        for (double tolerance : TOLERANCES) {
            Geometry[] simplified = tolerance == 0 ? coverage : CoverageSimplifier.simplify(coverage, tolerance);
            Map<String, Geometry> shipped = new TreeMap<>();
            int vertices = 0;
            for (int i = 0; i < codes.size(); i++) {
                Geometry g = GeoJson.geometry(readJson(GeoJson.write(simplified[i], DECIMALS)));
                shipped.put(codes.get(i), g);
                vertices += g.getNumPoints();
            }
            java.util.function.IntPredicate same = sameAnswer.apply(shipped);
            int changed = 0;
            for (int i = 0; i < postcodes; i++) if (!same.test(i)) changed++;
            say(what + ": tolerance " + tolerance + " degrees, " + vertices + " vertices, " + changed + " postcodes change their answer");
            if (changed > 0) break;
            kept = shipped;
        }
        if (kept == null) throw new IllegalStateException(what + ": even unsimplified, rounded to " + DECIMALS + " places, some answers change");
        return kept;
    }

    private static JsonNode readJson(String json) {
        try {
            return RecordJson.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One feature a line, so that a change to one boundary is a one-line diff. */
    private void writeBoundaries(String name, Map<String, Geometry> shapes, Map<String, String> names) throws IOException {
        Path file = data.resolve(name);
        Files.createDirectories(file.getParent());
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("{\"type\":\"FeatureCollection\",\"features\":[\n");
            int i = 0;
            for (var e : shapes.entrySet()) {
                Map<String, String> properties = new LinkedHashMap<>();
                properties.put("code", e.getKey());
                properties.put("name", names.get(e.getKey()));
                w.write("{\"type\":\"Feature\",\"properties\":" + RecordJson.MAPPER.writeValueAsString(properties) + ",\"geometry\":" + GeoJson.write(e.getValue(), DECIMALS) + "}" + (++i < shapes.size() ? "," : "") + "\n");
            }
            w.write("]}\n");
        }
        say(name + ": " + shapes.size() + " polygons, " + Files.size(file) + " bytes");
    }

    // ---- the test sample ----

    /**
     * Postcodes where placing to the postcode matters, with the answers of the unsimplified
     * polygons: near another authority, near another district of the same county, outside
     * every polygon (coast), Scottish ones near England, and ones in postcode districts split
     * between authorities. Drawn with a fixed seed, so the same inputs give the same sample.
     */
    private void writeSample(NsplPostcodes postcodes, String[] authority, String[] district, Map<String, Geometry> authorities,
                             Map<String, Geometry> districts, List<DistrictCouncil> councils) throws IOException {
        Near nearAuthority = new Near(authorities);
        Near nearDistrict = new Near(districts);
        Boundaries ew = new Boundaries(authorities);
        Map<String, String> countyOf = new HashMap<>();
        for (DistrictCouncil c : councils) countyOf.put(c.code(), c.authorityCode());
        Map<String, Double> outcodeShare = new HashMap<>();
        try (Reader r = Files.newBufferedReader(data.resolve("postcode_districts.csv"))) {
            for (CsvTable.Row row : CsvTable.read("postcode_districts.csv", r).rows())
                if (!row.get("authority_share").equals("nearest")) outcodeShare.put(row.get("outcode"), Double.parseDouble(row.get("authority_share")));
        } catch (CsvTable.CsvSyntaxException e) {
            throw new IOException(e.getMessage(), e);
        }
        Map<String, List<Integer>> candidates = new LinkedHashMap<>();
        for (String kind : List.of("authority_edge", "district_edge", "coast", "scotland_border", "split_outcode")) candidates.put(kind, new ArrayList<>());
        for (int i = 0; i < postcodes.size(); i++) {
            GeoPoint p = postcodes.point(i);
            String a = authority[i];
            if (!inEnglandOrWales(a)) {
                if (ew.authorityAt(p, 0.03).isPresent()) candidates.get("scotland_border").add(i);
                continue;
            }
            if (ew.authorityAt(p, 0).isEmpty()) candidates.get("coast").add(i);
            if (nearAuthority.nearOther(p, a, code -> true)) candidates.get("authority_edge").add(i);
            if (district[i] != null && nearDistrict.nearOther(p, district[i], code -> a.equals(countyOf.get(code)))) candidates.get("district_edge").add(i);
            Double share = outcodeShare.get(postcodes.code()[i].split(" ")[0]);
            if (share != null && share < 0.9) candidates.get("split_outcode").add(i);
        }
        Map<String, Integer> quota = Map.of("authority_edge", 1000, "district_edge", 500, "coast", 100, "scotland_border", 50, "split_outcode", 350);
        Random random = new Random(11);
        Map<Integer, String> chosen = new TreeMap<>();
        for (var e : candidates.entrySet()) {
            List<Integer> list = e.getValue();
            Collections.shuffle(list, random);
            int taken = 0;
            for (int i : list) {
                if (taken == quota.get(e.getKey())) break;
                if (chosen.putIfAbsent(i, e.getKey()) == null) taken++;
            }
            say("sample " + e.getKey() + ": " + taken + " of " + list.size() + " candidates");
        }
        Path file = repo.resolve(SAMPLE);
        Files.createDirectories(file.getParent());
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            OfferCsvWriter.row(w, List.of("postcode", "kind", "authority", "district"));
            List<Map.Entry<Integer, String>> rows = new ArrayList<>(chosen.entrySet());
            rows.sort(java.util.Comparator.comparing((Map.Entry<Integer, String> e) -> e.getValue()).thenComparing(e -> postcodes.code()[e.getKey()]));
            for (var e : rows) {
                int i = e.getKey();
                OfferCsvWriter.row(w, List.of(postcodes.code()[i], e.getValue(), inEnglandOrWales(authority[i]) ? authority[i] : "",
                        district[i] == null ? "" : district[i]));
            }
        }
        say(SAMPLE + ": " + chosen.size() + " postcodes");
    }

    /** Whether a point lies within {@link #NEAR} of a polygon other than its own. */
    private static final class Near {
        private record Facets(String code, IndexedFacetDistance distance) { }

        private final STRtree tree = new STRtree();

        Near(Map<String, Geometry> shapes) {
            shapes.forEach((code, g) -> tree.insert(g.getEnvelopeInternal(), new Facets(code, new IndexedFacetDistance(g))));
            tree.build();
        }

        boolean nearOther(GeoPoint p, String own, Predicate<String> among) {
            Point pt = Wkt.point(p);
            var search = pt.getEnvelopeInternal();
            search.expandBy(NEAR);
            for (Object o : tree.query(search)) {
                Facets f = (Facets) o;
                if (!f.code().equals(own) && among.test(f.code()) && f.distance().isWithinDistance(pt, NEAR)) return true;
            }
            return false;
        }
    }

    private static void say(String line) {
        System.out.println(line);
    }
}
