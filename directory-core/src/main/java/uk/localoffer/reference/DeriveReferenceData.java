package uk.localoffer.reference;

import org.locationtech.jts.geom.Geometry;
import uk.localoffer.domain.DistrictCouncil;
import uk.localoffer.domain.GeoPoint;
import uk.localoffer.geo.Boundaries;
import uk.localoffer.geo.DistrictCouncils;
import uk.localoffer.geo.PostcodeTable;
import uk.localoffer.importer.CsvOut;
import uk.localoffer.importer.CsvTable;
import uk.localoffer.importer.Importer;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Derives the reference data the product ships in data/ from the raw inputs in the reference
 * data folder (../shared). Run by import-scripts/derive-reference-data.sh; nothing calls it at
 * run time. It writes:
 * <ul>
 *   <li>the fact tables (authorities.csv, postcode_districts.csv, district_councils.csv), the May
 *       2022 review table and the Open Referral UK 3.0 schemas with their licence;</li>
 *   <li>the boundaries of the 175 children's services authorities and of the 164 district
 *       councils under counties, simplified only as far as every postcode in England and Wales
 *       keeps the authority and district the unsimplified polygons give it ({@link ShippedBoundaries});</li>
 *   <li>the packed table of every Great Britain postcode ({@link PostcodeTable});</li>
 *   <li>a sample of postcodes near boundaries with their expected answers, for the tests ({@link BoundarySample}).</li>
 * </ul>
 */
public final class DeriveReferenceData {
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

    void run() throws Exception {
        copyTables();
        checkVocabulary();
        List<DistrictCouncil> councils = districtCouncils();
        NsplPostcodes postcodes = NsplPostcodes.read(shared.resolve("geo/postcodes_nspl_may2025.csv.gz"));
        say("postcodes: " + postcodes.size() + " in Great Britain");

        ShippedBoundaries shipped = new ShippedBoundaries(shared, DeriveReferenceData::say);
        Map<String, Geometry> uk = shipped.features("geo/ctyua_dec2023_uk_bsc.geojson", "CTYUA23CD", code -> true);
        Map<String, Geometry> authorities = ShippedBoundaries.filter(uk, code -> code.startsWith("E") || code.startsWith("W"));
        Map<String, Geometry> districts = shipped.features("geo/lad_may2024_uk_bsc.geojson", "LAD24CD", code -> code.startsWith("E07"));

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

        Map<String, Geometry> simpleAuthorities = shipped.simplest("authority boundaries", authorities, shapes -> {
            Boundaries b = new Boundaries(shapes);
            return i -> !inEnglandOrWales(authority[i]) || b.authorityAt(postcodes.point(i), Double.POSITIVE_INFINITY).orElseThrow().equals(authority[i]);
        }, postcodes.size());
        Map<String, Geometry> simpleDistricts = shipped.simplest("district boundaries", districts, shapes -> {
            DistrictCouncils d = new DistrictCouncils(councils, shapes);
            return i -> district[i] == null || d.at(authority[i], postcodes.point(i)).orElseThrow().code().equals(district[i]);
        }, postcodes.size());
        shipped.write(data, Importer.AUTHORITY_BOUNDARIES, simpleAuthorities, shipped.names("geo/ctyua_dec2023_uk_bsc.geojson", "CTYUA23CD", "CTYUA23NM"));
        shipped.write(data, Importer.DISTRICT_BOUNDARIES, simpleDistricts, shipped.names("geo/lad_may2024_uk_bsc.geojson", "LAD24CD", "LAD24NM"));

        say(postcodes.writeTable(data.resolve(PostcodeTable.FILE), authority));
        Map<Integer, String> sample = BoundarySample.choose(postcodes, authority, district, authorities, districts, councils, outcodeShares(),
                DeriveReferenceData::say);
        BoundarySample.write(repo.resolve(SAMPLE), sample, postcodes, authority, district);
        say(SAMPLE + ": " + sample.size() + " postcodes");
    }

    static boolean inEnglandOrWales(String code) { return code.startsWith("E") || code.startsWith("W"); }

    private static String[] districts(DistrictCouncils councils, NsplPostcodes postcodes, String[] authority) {
        String[] out = new String[postcodes.size()];
        for (int i = 0; i < postcodes.size(); i++)
            if (authority[i].startsWith("E10")) out[i] = councils.at(authority[i], postcodes.point(i)).orElseThrow().code();
        return out;
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
        CsvTable t = csv(shared.resolve(from), from);
        try (Writer w = Files.newBufferedWriter(data.resolve(to), StandardCharsets.UTF_8); CsvOut out = new CsvOut(w)) {
            out.row(header);
            for (CsvTable.Row r : t.rows()) out.row(columns.stream().map(r::get).toList());
        }
        say(to + ": " + t.rows().size() + " rows from " + from);
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.write(to, Files.readAllBytes(from)); // the bytes only: the inputs are read-only, the copies are not
    }

    /** data/vocabulary.csv is written by hand (it adds Welsh labels): it must keep every code and English label of the domain's. */
    private void checkVocabulary() throws IOException {
        Set<String> ours = new LinkedHashSet<>();
        for (CsvTable.Row row : csv(data.resolve("vocabulary.csv"), "vocabulary.csv").rows()) ours.add(vocabularyKey(row));
        List<String> missing = new ArrayList<>();
        for (CsvTable.Row row : csv(shared.resolve("domain/vocabulary.csv"), "domain/vocabulary.csv").rows())
            if (!ours.contains(vocabularyKey(row))) missing.add(vocabularyKey(row));
        if (!missing.isEmpty()) throw new IllegalStateException("data/vocabulary.csv differs from the domain vocabulary: " + missing);
        say("vocabulary.csv: every code and English label of domain/vocabulary.csv is there");
    }

    private static String vocabularyKey(CsvTable.Row row) {
        return row.get("kind") + "|" + row.get("code") + "|" + row.get("parent") + "|" + row.get("label_en");
    }

    /** The 318 English and Welsh local authority districts with their children's services authority and official name. */
    private List<DistrictCouncil> districtCouncils() throws IOException {
        Map<String, String> officialNames = new HashMap<>();
        for (CsvTable.Row r : csv(shared.resolve("geo/mysociety_uk_local_authorities.csv"), "geo/mysociety_uk_local_authorities.csv").rows())
            officialNames.put(r.get("local-authority-code"), r.get("official-name"));
        List<DistrictCouncil> out = new ArrayList<>();
        try (Writer w = Files.newBufferedWriter(data.resolve("district_councils.csv"), StandardCharsets.UTF_8); CsvOut csv = new CsvOut(w)) {
            csv.row(List.of("code", "name", "name_cy", "kind", "authority_code", "official_name"));
            for (CsvTable.Row r : csv(shared.resolve("geo/lad_to_utla.csv"), "geo/lad_to_utla.csv").rows()) {
                if (!r.get("spatial_check").equals("ok")) throw new IllegalStateException(r.get("lad_code") + " failed its spatial check");
                String official = officialNames.get(r.get("mysociety_code"));
                if (official == null) throw new IllegalStateException("no mySociety name for " + r.get("lad_code"));
                DistrictCouncil c = new DistrictCouncil(r.get("lad_code"), r.get("lad_name"), r.get("lad_name_cy"), r.get("lad_kind"), r.get("utla_code"), official);
                out.add(c);
                csv.row(List.of(c.code(), c.name(), c.nameCy(), c.kind(), c.authorityCode(), c.officialName()));
            }
        }
        say("district_councils.csv: " + out.size() + " rows, " + out.stream().filter(DistrictCouncil::underCounty).count() + " under a county");
        return out;
    }

    /** Each postcode district's share in its main authority, from the postcode_districts.csv just written. */
    private Map<String, Double> outcodeShares() throws IOException {
        Map<String, Double> out = new HashMap<>();
        for (CsvTable.Row row : csv(data.resolve("postcode_districts.csv"), "postcode_districts.csv").rows())
            if (!row.get("authority_share").equals("nearest")) out.put(row.get("outcode"), Double.parseDouble(row.get("authority_share")));
        return out;
    }

    private static CsvTable csv(Path file, String name) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CsvTable.read(name, r);
        } catch (CsvTable.CsvSyntaxException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static void say(String line) {
        System.out.println(line);
    }
}
