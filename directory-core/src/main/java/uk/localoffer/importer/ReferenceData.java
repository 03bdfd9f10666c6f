package uk.localoffer.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import uk.localoffer.domain.Authority;
import uk.localoffer.domain.DistrictCouncil;
import uk.localoffer.domain.GeoPoint;
import uk.localoffer.domain.Nation;
import uk.localoffer.domain.PostcodeDistrict;
import uk.localoffer.domain.ReviewRow;
import uk.localoffer.geo.GeoJson;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The reference data of the default dataset, read and checked: authorities, postcode districts,
 * the May 2022 review table linked to authorities, and the boundaries of authorities and of the
 * district councils under counties (data/SOURCES.md).
 */
record ReferenceData(List<Authority> authorities, List<PostcodeDistrict> postcodeDistricts, List<ReviewRow> reviewRows,
                     Map<String, String> boundaries, List<DistrictCouncil> districtCouncils, Map<String, String> districtBoundaries) {
    private static final ObjectMapper JSON = new ObjectMapper();

    Map<String, Authority> byCode() {
        return authorities.stream().collect(Collectors.toMap(Authority::code, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    /** Reads everything, adding every problem found to {@code problems} and what was read to {@code report}. */
    static ReferenceData read(DataFiles files, List<ImportProblem> problems, ImportReport report) throws IOException {
        List<Authority> authorities = authorities(files.table("authorities.csv"), problems);
        Set<String> codes = authorities.stream().map(Authority::code).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        List<PostcodeDistrict> districts = postcodeDistricts(files.table("postcode_districts.csv"), codes, problems);

        Map<String, ReviewTable.Link> links = ReviewTable.links(files.table("review-name-links.csv"), codes, problems);
        List<ReviewRow> reviewRows = new ReviewTable(links, authorities).rows(files.table(Importer.REVIEW_TABLE), problems);
        long linked = reviewRows.stream().filter(r -> !r.authorityCodes().isEmpty()).count();
        report.note("review table " + Importer.REVIEW_TABLE + ": " + reviewRows.size() + " rows, " + linked + " linked to authorities");

        Map<String, String> boundaries = shapes(files, Importer.AUTHORITY_BOUNDARIES, codes, problems);
        report.note("boundaries " + Importer.AUTHORITY_BOUNDARIES + ": " + boundaries.size() + " authorities");
        List<DistrictCouncil> councils = districtCouncils(files.table("district_councils.csv"), codes, problems);
        Set<String> underCounty = councils.stream().filter(DistrictCouncil::underCounty).map(DistrictCouncil::code).collect(Collectors.toSet());
        Map<String, String> districtShapes = shapes(files, Importer.DISTRICT_BOUNDARIES, underCounty, problems);
        report.note("district councils: " + councils.size() + " (" + districtShapes.size() + " under a county, with boundaries from "
                + Importer.DISTRICT_BOUNDARIES + ")");
        return new ReferenceData(authorities, districts, reviewRows, boundaries, councils, districtShapes);
    }

    private static List<Authority> authorities(CsvTable t, List<ImportProblem> problems) {
        List<Authority> out = new ArrayList<>();
        for (CsvTable.Row r : t.rows()) {
            FieldReader f = new FieldReader(r, problems);
            String code = f.required("gss_code");
            String name = f.required("name");
            Double lat = f.decimal("lat", 49, 61), lon = f.decimal("lon", -9, 2);
            Nation nation;
            try { nation = Nation.parse(r.get("nation")); } catch (IllegalArgumentException e) { f.error("nation", e.getMessage()); continue; }
            if (code == null || name == null || lat == null || lon == null) continue;
            out.add(new Authority(code, name, f.text("name_cy"), nation, r.get("region"), r.get("kind"), new GeoPoint(lat, lon),
                    f.decimal("area_km2", 0, 100000), f.text("official_name"), null, null));
        }
        return out;
    }

    private static List<PostcodeDistrict> postcodeDistricts(CsvTable t, Set<String> authorities, List<ImportProblem> problems) {
        List<PostcodeDistrict> out = new ArrayList<>();
        for (CsvTable.Row r : t.rows()) {
            FieldReader f = new FieldReader(r, problems);
            String outcode = f.required("outcode");
            Double lat = f.decimal("lat", 49, 61), lon = f.decimal("lon", -9, 2);
            if (outcode == null || lat == null || lon == null) continue;
            String code = r.get("authority_code");
            out.add(new PostcodeDistrict(outcode, new GeoPoint(lat, lon), authorities.contains(code) ? code : null, r.get("nation")));
        }
        return out;
    }

    private static List<DistrictCouncil> districtCouncils(CsvTable t, Set<String> authorities, List<ImportProblem> problems) {
        List<DistrictCouncil> out = new ArrayList<>();
        for (CsvTable.Row r : t.rows()) {
            FieldReader f = new FieldReader(r, problems);
            String code = f.required("code"), name = f.required("name"), authority = f.required("authority_code"), official = f.required("official_name");
            if (authority != null && !authorities.contains(authority)) f.error("authority_code", "'" + authority + "' is not a known authority");
            else if (code != null && name != null && authority != null && official != null)
                out.add(new DistrictCouncil(code, name, f.text("name_cy"), r.get("kind"), authority, official));
        }
        return out;
    }

    /** The GeoJSON geometry of each feature whose "code" property is one of {@code codes}; a missing one is a warning. */
    private static Map<String, String> shapes(DataFiles files, String name, Set<String> codes, List<ImportProblem> problems) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode root;
        try (Reader r = files.open(name)) {
            root = JSON.readTree(r);
        }
        int i = 0;
        for (JsonNode feature : root.path("features")) {
            String code = feature.path("properties").path("code").asText();
            if (codes.contains(code)) {
                try {
                    GeoJson.geometry(feature.path("geometry"));
                    out.put(code, JSON.writeValueAsString(feature.path("geometry")));
                } catch (RuntimeException e) {
                    problems.add(new ImportProblem(ImportProblem.Severity.ERROR, name, "$.features[" + i + "].geometry", code, e.getMessage()));
                }
            }
            i++;
        }
        for (String code : codes)
            if (!out.containsKey(code)) problems.add(new ImportProblem(ImportProblem.Severity.WARNING, name, "$.features", code, "no boundary for " + code));
        return out;
    }
}
