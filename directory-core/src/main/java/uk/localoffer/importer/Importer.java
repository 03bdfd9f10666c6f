package uk.localoffer.importer;

import com.fasterxml.jackson.databind.JsonNode;
import uk.localoffer.domain.Authority;
import uk.localoffer.domain.DistrictCouncil;
import uk.localoffer.domain.Entitlement;
import uk.localoffer.domain.Nation;
import uk.localoffer.domain.PostcodeDistrict;
import uk.localoffer.domain.ReviewRow;
import uk.localoffer.domain.Service;
import uk.localoffer.domain.Vocabulary;
import uk.localoffer.geo.GeoJson;
import uk.localoffer.domain.GeoPoint;
import uk.localoffer.store.Changes;
import uk.localoffer.store.RecordJson;
import uk.localoffer.store.Store;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Brings data into the store. Every input is read and checked in full first; only when no
 * error was found is anything written, in one transaction. A failed import changes nothing.
 */
public final class Importer {
    public static final String ILLUSTRATIVE_SOURCE = "illustrative";
    /** Sources earlier versions of the default dataset wrote: emptied by a default import. */
    static final List<String> RETIRED_SOURCES = List.of("brief-research-2022", "national");

    private final Store store;
    private final java.io.PrintStream progress;

    public Importer(Store store) { this(store, null); }

    /** {@code progress}, when given, hears when checking is done and writing starts. */
    public Importer(Store store, java.io.PrintStream progress) {
        this.store = store;
        this.progress = progress;
    }

    private void progress(String line) {
        if (progress != null) {
            progress.println(line);
            progress.flush();
        }
    }

    /** Where the default dataset's files are read from: the copy inside the program, or a folder. */
    public interface DataFiles {
        Reader open(String name) throws IOException;

        default boolean exists(String name) {
            try (Reader r = open(name)) {
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        static DataFiles embedded() {
            return name -> {
                InputStream in = Importer.class.getResourceAsStream("/default-data/" + name);
                if (in == null) throw new IOException("default data file " + name + " is missing from the program");
                return new InputStreamReader(in, StandardCharsets.UTF_8);
            };
        }

        static DataFiles folder(Path dir) {
            return name -> Files.newBufferedReader(dir.resolve(name), StandardCharsets.UTF_8);
        }
    }

    /** The May 2022 review table and the boundaries, as shipped in data/ (see data/SOURCES.md). */
    public static final String REVIEW_TABLE = "wwcsc_la_wellbeing_offers_2022.csv";
    public static final String AUTHORITY_BOUNDARIES = "boundaries/ctyua_dec2023_ew.geojson";
    public static final String DISTRICT_BOUNDARIES = "boundaries/lad_may2024_districts.geojson";

    /**
     * Options for the default import.
     *
     * @param dryRun        check and compare, change nothing
     * @param referenceOnly load the reference data (authorities, districts, boundaries, review table) but no services
     * @param withExamples  add the illustrative records (invented, marked everywhere they show)
     */
    public record DefaultOptions(boolean dryRun, boolean referenceOnly, boolean withExamples) {
        public static DefaultOptions everything() { return new DefaultOptions(false, false, false); }

        public DefaultOptions withExamples(boolean examples) { return new DefaultOptions(dryRun, referenceOnly, examples); }
    }

    public static Vocabulary vocabulary(DataFiles files) throws IOException {
        CsvTable t = table(files, "vocabulary.csv");
        List<Vocabulary.Term> terms = new ArrayList<>();
        for (CsvTable.Row r : t.rows())
            terms.add(new Vocabulary.Term(r.get("kind"), r.get("code"), r.get("parent"), r.get("label_en"), r.get("label_cy")));
        return new Vocabulary(terms);
    }

    /** Loads the whole default dataset: authorities, district councils, postcode districts, review table, boundaries, services and entitlements. */
    public ImportReport importDefault(DataFiles files, DefaultOptions options) throws IOException {
        ImportReport report = new ImportReport();
        List<ImportProblem> problems = new ArrayList<>();
        Instant now = Instant.now();
        Vocabulary vocabulary = vocabulary(files);

        List<Authority> authorities = authorities(table(files, "authorities.csv"), problems);
        Map<String, Authority> byCode = authorities.stream().collect(Collectors.toMap(Authority::code, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        List<PostcodeDistrict> districts = postcodeDistricts(table(files, "postcode_districts.csv"), byCode.keySet(), problems);

        Map<String, ReviewTable.Link> links = ReviewTable.links(table(files, "review-name-links.csv"), byCode.keySet(), problems);
        List<ReviewRow> reviewRows = new ReviewTable(links, authorities).rows(table(files, REVIEW_TABLE), problems);
        long linked = reviewRows.stream().filter(r -> !r.authorityCodes().isEmpty()).count();
        report.note("review table " + REVIEW_TABLE + ": " + reviewRows.size() + " rows, " + linked + " linked to authorities");

        Map<String, String> boundaries = shapes(files, AUTHORITY_BOUNDARIES, byCode.keySet(), problems);
        report.note("boundaries " + AUTHORITY_BOUNDARIES + ": " + boundaries.size() + " authorities");
        List<DistrictCouncil> councils = districtCouncils(table(files, "district_councils.csv"), byCode.keySet(), problems);
        Set<String> underCounty = councils.stream().filter(DistrictCouncil::underCounty).map(DistrictCouncil::code).collect(Collectors.toSet());
        Map<String, String> districtShapes = shapes(files, DISTRICT_BOUNDARIES, underCounty, problems);
        report.note("district councils: " + councils.size() + " (" + districtShapes.size() + " under a county, with boundaries from " + DISTRICT_BOUNDARIES + ")");

        Set<String> councilCodes = councils.stream().map(DistrictCouncil::code).collect(Collectors.toSet());
        OfferFolders.Offers offers = OfferFolders.read(files, now, vocabulary, byCode, c -> byCode.containsKey(c) || councilCodes.contains(c), problems);
        Map<String, List<Service>> servicesBySource = new LinkedHashMap<>(offers.services());
        Map<String, List<Entitlement>> entitlementsBySource = new LinkedHashMap<>(offers.entitlements());
        for (String retired : RETIRED_SOURCES) servicesBySource.put(retired, List.of());
        servicesBySource.put(ILLUSTRATIVE_SOURCE, List.of());
        entitlementsBySource.put(ILLUSTRATIVE_SOURCE, List.of());
        if (options.withExamples()) {
            IllustrativeOffers illustrative = new IllustrativeOffers(authorities, reviewRows);
            OfferRows illustrativeRows = new OfferRows(ILLUSTRATIVE_SOURCE, now, vocabulary, byCode);
            CsvTable serviceTemplates = table(files, "illustrative/service-templates.csv");
            problems.addAll(OfferRows.checkHeader(serviceTemplates, templateColumns(OfferRows.SERVICE_COLUMNS), List.of("template_id", "applies_when", "name", "description", "needs", "provenance", "source_note")));
            List<Service> illustrativeServices = new ArrayList<>();
            for (CsvTable.Row r : illustrative.expand(serviceTemplates, problems)) {
                Service s = illustrativeRows.service(r, problems);
                if (s != null) illustrativeServices.add(approximatePlaces(s));
            }
            servicesBySource.put(ILLUSTRATIVE_SOURCE, illustrativeServices);
            CsvTable entitlementTemplates = table(files, "illustrative/entitlement-templates.csv");
            problems.addAll(OfferRows.checkHeader(entitlementTemplates, templateColumns(OfferRows.ENTITLEMENT_COLUMNS), List.of("template_id", "applies_when", "area", "title", "kind", "provenance", "source_note")));
            List<Entitlement> illustrativeEntitlements = new ArrayList<>();
            for (CsvTable.Row r : illustrative.expand(entitlementTemplates, problems)) {
                Entitlement e = illustrativeRows.entitlement(r, problems);
                if (e != null) illustrativeEntitlements.add(e);
            }
            entitlementsBySource.put(ILLUSTRATIVE_SOURCE, illustrativeEntitlements);
        }
        servicesBySource.values().forEach(list -> checkDuplicates(list, problems));
        Map<String, List<uk.localoffer.domain.AuthorityRoute>> routesByAuthority = offers.routes().values().stream().flatMap(List::stream)
                .collect(Collectors.groupingBy(uk.localoffer.domain.AuthorityRoute::authorityCode));
        List<Authority> withRoutes = authorities.stream().map(a -> a.withRoutes(routesByAuthority.getOrDefault(a.code(), List.of()))).toList();

        report.addAll(problems);
        report.failIfErrors();
        progress("checked the default dataset; writing");
        final List<ReviewRow> review = reviewRows;
        final Map<String, String> shapes = boundaries;
        Store.Work<Void> work = w -> {
            w.upsertAuthorities(authorities);
            w.replacePostcodeDistricts(districts);
            w.replaceReviewRows(review);
            w.replaceBoundaries(AUTHORITY_BOUNDARIES, shapes);
            w.replaceDistrictCouncils(councils, districtShapes);
            if (options.referenceOnly()) return null;
            w.upsertAuthorities(withRoutes);
            java.util.Set<String> sources = new java.util.LinkedHashSet<>(servicesBySource.keySet());
            sources.addAll(entitlementsBySource.keySet());
            sources.addAll(offers.routes().keySet());
            for (String source : sources) {
                long run = w.startImportRun(source, "default dataset");
                Changes c = w.replaceServices(source, servicesBySource.getOrDefault(source, List.of()), run);
                Changes ce = w.replaceEntitlements(source, entitlementsBySource.getOrDefault(source, List.of()), run);
                Changes ct = w.replaceCouncilTax(source, offers.councilTax().getOrDefault(source, List.of()), run);
                Changes cr = w.replaceRoutes(source, offers.routes().getOrDefault(source, List.of()));
                w.finishImportRun(run, c.plus(ce).plus(ct).plus(cr));
                report.changed("services (" + source + ")", c);
                report.changed("entitlements (" + source + ")", ce);
                report.changed("council tax schemes (" + source + ")", ct);
                report.changed("authority routes (" + source + ")", cr);
            }
            return null;
        };
        if (options.dryRun()) store.dryRun(work); else store.write(work);
        report.note(authorities.size() + " authorities, " + councils.size() + " district councils, " + districts.size() + " postcode districts");
        return report;
    }

    /**
     * Imports services or entitlements CSV files (docs/data-format.md), each file a source of its
     * own unless {@code source} is given: the source's records become exactly those in the file.
     */
    public ImportReport importFiles(List<Path> paths, String source, Vocabulary vocabulary, boolean dryRun) throws IOException {
        return importFiles(paths, source, vocabulary, null, dryRun);
    }

    /** As above; {@code schemas}, when given, checks Open Referral UK JSON files against the standard. */
    public ImportReport importFiles(List<Path> paths, String source, Vocabulary vocabulary, uk.localoffer.oruk.OrukSchemas schemas, boolean dryRun) throws IOException {
        ImportReport report = new ImportReport();
        List<ImportProblem> problems = new ArrayList<>();
        Instant now = Instant.now();
        Map<String, Authority> byCode = store.authorities().stream().collect(Collectors.toMap(Authority::code, Function.identity()));
        if (byCode.isEmpty()) {
            report.add(new ImportProblem(ImportProblem.Severity.ERROR, paths.isEmpty() ? "-" : paths.get(0).toString(), "store", null,
                    "the store has no authorities yet: run the import with no files first to load the default dataset"));
            report.failIfErrors();
        }
        Map<String, List<Service>> services = new LinkedHashMap<>();
        Map<String, List<Entitlement>> entitlements = new LinkedHashMap<>();
        Map<String, List<uk.localoffer.domain.AuthorityRoute>> routes = new LinkedHashMap<>();
        Map<String, List<uk.localoffer.domain.CouncilTaxScheme>> councilTax = new LinkedHashMap<>();
        for (Path p : paths) {
            String src = source != null ? source : p.getFileName().toString().replaceFirst("\\.csv$", "");
            if (src.equals(ILLUSTRATIVE_SOURCE) || RETIRED_SOURCES.contains(src) || src.startsWith("offers/"))
                problems.add(new ImportProblem(ImportProblem.Severity.ERROR, p.toString(), "file name", null,
                        "source '" + src + "' belongs to the default dataset; rename the file or pass --source NAME"));
            if (p.getFileName().toString().toLowerCase().endsWith(".json")) {
                JsonNode root;
                try {
                    root = RecordJson.MAPPER.readTree(p.toFile());
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    problems.add(new ImportProblem(ImportProblem.Severity.ERROR, p.toString(), "line " + e.getLocation().getLineNr(), null,
                            "not valid JSON: " + e.getOriginalMessage()));
                    continue;
                }
                var reader = new OrukReader(p.toString(), src, now, vocabulary, byCode, schemas);
                services.computeIfAbsent(src, k -> new ArrayList<>()).addAll(reader.services(root, problems));
                continue;
            }
            CsvTable t;
            try {
                t = table(p);
            } catch (CsvTable.CsvSyntaxException e) {
                problems.add(ImportProblem.error(e.file, e.line, null, e.getMessage().substring(e.getMessage().indexOf(": ") + 2)));
                continue;
            }
            OfferRows rows = new OfferRows(src, now, vocabulary, byCode);
            SourcedRows sourced = new SourcedRows(src, rows, byCode::containsKey, byCode::containsKey);
            if (t.header().contains("route")) {
                problems.addAll(OfferRows.checkHeader(t, SourcedRows.ROUTE_COLUMNS, List.of("authority", "route", "name", "source_url", "recorded")));
                List<uk.localoffer.domain.AuthorityRoute> list = routes.computeIfAbsent(src, k -> new ArrayList<>());
                for (CsvTable.Row r : t.rows()) { var x = sourced.route(r, problems); if (x != null) list.add(x); }
            } else if (t.header().contains("care_leavers_of")) {
                problems.addAll(OfferRows.checkHeader(t, SourcedRows.COUNCIL_TAX_COLUMNS, List.of("source_id", "care_leavers_of", "reduction", "source_url", "recorded")));
                List<uk.localoffer.domain.CouncilTaxScheme> list = councilTax.computeIfAbsent(src, k -> new ArrayList<>());
                for (CsvTable.Row r : t.rows()) { var x = sourced.councilTax(r, problems); if (x != null) list.add(x); }
                checkDuplicateIds(t, problems);
            } else if (t.header().contains("area")) {
                problems.addAll(OfferRows.checkHeader(t, OfferRows.ENTITLEMENT_COLUMNS, List.of("source_id", "area", "title", "kind")));
                List<Entitlement> list = entitlements.computeIfAbsent(src, k -> new ArrayList<>());
                for (CsvTable.Row r : t.rows()) { Entitlement e = rows.entitlement(r, problems); if (e != null) list.add(e); }
                checkDuplicateIds(t, problems);
            } else {
                problems.addAll(OfferRows.checkHeader(t, OfferRows.SERVICE_COLUMNS, List.of("source_id", "name", "description", "needs")));
                List<Service> list = services.computeIfAbsent(src, k -> new ArrayList<>());
                for (CsvTable.Row r : t.rows()) { Service s = rows.service(r, problems); if (s != null) list.add(s); }
                checkDuplicateIds(t, problems);
            }
        }
        for (var e : services.entrySet()) checkDuplicates(e.getValue(), problems);
        checkAgainstOtherSources(services, problems);
        report.addAll(problems);
        report.failIfErrors();
        progress("checked " + services.values().stream().mapToInt(List::size).sum() + " services and "
                + entitlements.values().stream().mapToInt(List::size).sum() + " entitlements; " + (dryRun ? "comparing with the store" : "writing"));
        Store.Work<Void> work = w -> {
            for (var e : services.entrySet()) {
                long run = w.startImportRun(e.getKey(), paths.toString());
                Changes c = w.replaceServices(e.getKey(), e.getValue(), run);
                w.finishImportRun(run, c);
                report.changed("services (" + e.getKey() + ")", c);
            }
            for (var e : entitlements.entrySet()) {
                long run = w.startImportRun(e.getKey(), paths.toString());
                Changes c = w.replaceEntitlements(e.getKey(), e.getValue(), run);
                w.finishImportRun(run, c);
                report.changed("entitlements (" + e.getKey() + ")", c);
            }
            for (var e : councilTax.entrySet()) {
                long run = w.startImportRun(e.getKey(), paths.toString());
                Changes c = w.replaceCouncilTax(e.getKey(), e.getValue(), run);
                w.finishImportRun(run, c);
                report.changed("council tax schemes (" + e.getKey() + ")", c);
            }
            for (var e : routes.entrySet()) {
                long run = w.startImportRun(e.getKey(), paths.toString());
                Changes c = w.replaceRoutes(e.getKey(), e.getValue());
                w.finishImportRun(run, c);
                report.changed("authority routes (" + e.getKey() + ")", c);
            }
            return null;
        };
        if (dryRun) store.dryRun(work); else store.write(work);
        return report;
    }

    private static List<String> templateColumns(List<String> columns) {
        List<String> out = new ArrayList<>(columns);
        out.removeAll(List.of("source_id", "authority"));
        out.addAll(List.of("template_id", "applies_when"));
        return out;
    }

    private static Service approximatePlaces(Service s) {
        var places = s.locations().stream().map(l -> new uk.localoffer.domain.Location(l.name(), l.address(), l.postcode(), l.point(), true)).toList();
        return s.withLocations(places);
    }

    static void checkDuplicateIds(CsvTable t, List<ImportProblem> problems) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (CsvTable.Row r : t.rows()) {
            Integer first = seen.putIfAbsent(r.get("source_id"), r.line());
            if (first != null && !r.get("source_id").isEmpty())
                problems.add(ImportProblem.error(t.file(), r.line(), "source_id", "'" + r.get("source_id") + "' is already used on line " + first));
        }
    }

    private static void checkDuplicates(List<Service> services, List<ImportProblem> problems) {
        Set<String> seen = new HashSet<>();
        Set<java.util.UUID> ids = new HashSet<>();
        for (Service s : services) {
            if (!ids.add(s.id()))
                problems.add(new ImportProblem(ImportProblem.Severity.ERROR, s.provenance().source(), "source_id " + s.provenance().sourceId(), "id",
                        "id " + s.id() + " is used by another service in this import"));
            String key = s.name().toLowerCase() + "|" + s.authorityCode();
            if (!seen.add(key))
                problems.add(new ImportProblem(ImportProblem.Severity.WARNING, s.provenance().source(), "source_id " + s.provenance().sourceId(), "name",
                        "another service in this source has the same name in the same authority: '" + s.name() + "'"));
        }
    }

    /** Warns when a service looks like one another source already holds (same name, same authority). */
    private void checkAgainstOtherSources(Map<String, List<Service>> incoming, List<ImportProblem> problems) {
        Map<String, Service> existing = new java.util.HashMap<>();
        Map<java.util.UUID, Service> byId = new java.util.HashMap<>();
        for (Service s : store.services()) {
            existing.put(s.name().toLowerCase() + "|" + s.authorityCode(), s);
            byId.put(s.id(), s);
        }
        for (var e : incoming.entrySet())
            for (Service s : e.getValue()) {
                Service owner = byId.get(s.id());
                if (owner != null && !owner.provenance().source().equals(e.getKey())) {
                    problems.add(new ImportProblem(ImportProblem.Severity.ERROR, e.getKey(), "source_id " + s.provenance().sourceId(), "id",
                            "id " + s.id() + " already belongs to '" + owner.name() + "' from source '" + owner.provenance().source()
                                    + "': import with --source " + owner.provenance().source() + " to update it, or leave the id blank to add a new service"));
                    continue;
                }
                Service other = existing.get(s.name().toLowerCase() + "|" + s.authorityCode());
                if (other != null && !other.provenance().source().equals(e.getKey()))
                    problems.add(new ImportProblem(ImportProblem.Severity.WARNING, e.getKey(), "source_id " + s.provenance().sourceId(), "name",
                            "source '" + other.provenance().source() + "' already has a service called '" + s.name() + "' in the same authority: a duplicate?"));
            }
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
            root = RecordJson.MAPPER.readTree(r);
        }
        int i = 0;
        for (JsonNode feature : root.path("features")) {
            String code = feature.path("properties").path("code").asText();
            if (codes.contains(code)) {
                try {
                    GeoJson.geometry(feature.path("geometry"));
                    out.put(code, RecordJson.MAPPER.writeValueAsString(feature.path("geometry")));
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

    static CsvTable table(DataFiles files, String name) throws IOException {
        try (Reader r = files.open(name)) {
            return CsvTable.read(name, r);
        } catch (CsvTable.CsvSyntaxException e) {
            ImportReport report = new ImportReport();
            report.add(ImportProblem.error(e.file, e.line, null, e.getMessage()));
            throw new ImportFailedException(report);
        }
    }

    private static CsvTable table(Path path) throws IOException, CsvTable.CsvSyntaxException {
        try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return CsvTable.read(path.toString(), r);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new CsvTable.CsvSyntaxException(path.toString(), 1, "the file is not UTF-8 text");
        }
    }
}
