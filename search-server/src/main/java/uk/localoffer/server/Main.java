package uk.localoffer.server;

import uk.localoffer.importer.DataFiles;
import uk.localoffer.match.Weights;
import uk.localoffer.importer.ImportFailedException;
import uk.localoffer.importer.ImportProblem;
import uk.localoffer.importer.ImportReport;
import uk.localoffer.importer.Importer;
import com.fasterxml.jackson.databind.JsonNode;
import uk.localoffer.domain.Service;
import uk.localoffer.domain.Vocabulary;
import uk.localoffer.importer.OfferCsvWriter;
import uk.localoffer.oruk.Oruk;
import uk.localoffer.geo.PostcodeTable;
import uk.localoffer.oruk.OrukSchemas;
import uk.localoffer.directory.Directory;
import uk.localoffer.evaluation.Evaluation;
import uk.localoffer.match.Ranking;
import uk.localoffer.store.RecordJson;
import uk.localoffer.store.Stats;
import uk.localoffer.store.Store;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The operator's command line ({@code ./local-offer}): {@code import}, {@code serve}, {@code stats},
 * {@code export} and {@code evaluate}, each with {@code --data-dir DIR} (default ./var).
 */
public final class Main {
    static final String USAGE = """
            usage: local-offer <command> [options]
              import [FILES...]   load the default dataset (no files), or services/entitlements CSV files
                                  or Open Referral UK 3.0 JSON (checked against the ORUK schemas in the program)
                  --source NAME       source name for the files (default: each file's name)
                  --dry-run           report what would change, change nothing
                  --with-examples     also load the illustrative example records (invented; marked on every page and answer)
              serve               serve the API and pages  --port N (default 8080)
                  --host ADDR         the address to listen on (default 127.0.0.1, this computer only;
                                      0.0.0.0 for every network interface)
                  --stale-months N    records not checked for N months are flagged as stale (default 24)
                  (an import while serving is picked up within seconds: the index is rebuilt and swapped)
              stats               counts of what is stored  --json
              export              an authority's services and entitlements
                  --authority GSS     which authority (required)
                  --format oruk|csv   Open Referral UK 3.0 JSON, or the CSV template (default csv)
                  --out DIR           where to write (default .)
              coverage            what the sourced dataset holds per authority, as Markdown  --out FILE
              evaluate            precision@5 and nDCG@10 over the judged PA scenarios
                  --scenarios FILE    scenarios JSON (default: the embedded data/evaluation/pa-scenarios.json)
            every command: --data-dir DIR (default ./var)
            """;

    private Main() { }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            Cli cli = Cli.parse(args, Set.of("dry-run", "json", "with-examples"));
            return switch (cli.command()) {
                case "import" -> importCommand(cli, out, err);
                case "serve" -> serve(cli, out);
                case "stats" -> stats(cli, out);
                case "evaluate" -> evaluate(cli, out);
                case "export" -> export(cli, out);
                case "coverage" -> coverage(cli, out);
                case "help", "--help", "-h" -> { out.print(USAGE); yield 0; }
                default -> throw new Cli.UsageException("unknown command '" + cli.command() + "'");
            };
        } catch (Cli.UsageException e) {
            err.println("error: " + e.getMessage());
            err.print(USAGE);
            return 2;
        } catch (ImportFailedException e) {
            for (ImportProblem p : e.report().problems()) err.println(p);
            err.println(e.getMessage());
            return 1;
        } catch (Exception e) {
            err.println("error: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
            if (System.getenv("LOCAL_OFFER_DEBUG") != null) e.printStackTrace(err);
            return 1;
        }
    }

    static Path storeFile(Path dataDir) { return dataDir.resolve("directory.sqlite"); }

    private static int importCommand(Cli cli, PrintStream out, PrintStream err) throws Exception {
        cli.allowOnly(Set.of("data-dir", "source", "dry-run", "with-examples"));
        boolean dryRun = cli.flag("dry-run");
        try (Store store = Store.open(storeFile(cli.dataDir()))) {
            Importer importer = new Importer(store, out);
            DataFiles data = DataFiles.embedded();
            ImportReport report;
            if (cli.arguments().isEmpty()) {
                report = importer.importDefault(data, new Importer.DefaultOptions(dryRun, false, cli.flag("with-examples")));
                report.note("postcode table: " + PostcodeTable.embedded().size() + " Great Britain postcodes, placed to the postcode");
            } else {
                List<Path> files = cli.arguments().stream().map(Path::of).toList();
                OrukSchemas schemas = files.stream().anyMatch(f -> f.toString().endsWith(".json")) ? OrukSchemas.embedded() : null;
                report = importer.importFiles(files, cli.options().get("source"), Importer.vocabulary(data), schemas, dryRun);
            }
            for (ImportProblem p : report.problems()) err.println(p);
            for (String n : report.notes()) out.println(n);
            report.changes().forEach((what, c) -> out.println((dryRun ? "would change " : "") + what + ": " + c));
            if (dryRun) out.println("dry run: nothing was changed");
        }
        return 0;
    }

    private static int stats(Cli cli, PrintStream out) throws Exception {
        cli.allowOnly(Set.of("data-dir", "json"));
        try (Store store = Store.open(storeFile(cli.dataDir()))) {
            Map<String, Object> counts = statsJson(store.stats());
            counts.put("postcodes", PostcodeTable.embedded().size());
            counts.putAll(store.coverage(java.time.LocalDate.now()).figures());
            counts.put("schema_version", store.schemaVersion());
            if (cli.flag("json")) {
                out.println(RecordJson.MAPPER.writeValueAsString(counts));
            } else {
                counts.forEach((k, v) -> out.printf("%-44s %s%n", k.replace('_', ' '), v));
            }
        }
        return 0;
    }

    /** Writes docs/data-coverage.md (or --out FILE) from the store. */
    private static int coverage(Cli cli, PrintStream out) throws Exception {
        cli.allowOnly(Set.of("data-dir", "out"));
        try (Store store = Store.open(storeFile(cli.dataDir()))) {
            java.time.LocalDate today = java.time.LocalDate.now();
            var c = store.coverage(today);
            String md = CoverageReport.markdown(c, c.figures(), today);
            String file = cli.options().get("out");
            if (file == null) out.print(md);
            else {
                java.nio.file.Files.writeString(Path.of(file), md);
                out.println("wrote " + file);
            }
        }
        return 0;
    }

    private static int evaluate(Cli cli, PrintStream out) throws Exception {
        cli.allowOnly(Set.of("data-dir", "scenarios", "stale-months"));
        JsonNode root;
        String file = cli.options().get("scenarios");
        if (file != null) {
            root = RecordJson.MAPPER.readTree(Path.of(file).toFile());
        } else {
            try (var in = Main.class.getResourceAsStream("/default-data/evaluation/pa-scenarios.json")) {
                if (in == null) throw new Cli.UsageException("the embedded scenarios are missing; pass --scenarios FILE");
                root = RecordJson.MAPPER.readTree(in);
            }
        }
        List<Evaluation.Scenario> scenarios = Evaluation.scenarios(root);
        try (Store store = Store.open(storeFile(cli.dataDir()))) {
            if (store.stats().services() == 0) throw new Cli.UsageException("the store in " + cli.dataDir() + " is empty: run 'import' first");
            // A private index, so a server using the same data folder is not disturbed.
            Path scratch = java.nio.file.Files.createTempDirectory("evaluate");
            try (Directory directory = openDirectory(store, scratch, weights(cli))) {
                Evaluation.Summary summary = Evaluation.run(directory, scenarios);
                out.printf("%-40s %8s %8s%n", "scenario", "P@5", "nDCG@10");
                for (Evaluation.Outcome o : summary.outcomes()) out.printf("%-40s %8.3f %8.3f%n", o.id(), o.precisionAt5(), o.ndcgAt10());
                out.printf("%-40s %8.3f %8.3f%n", "mean over " + summary.outcomes().size() + " scenarios", summary.meanPrecisionAt5(), summary.meanNdcgAt10());
                out.printf("precision@5 = %.3f%nnDCG@10 = %.3f%n", summary.meanPrecisionAt5(), summary.meanNdcgAt10());
            }
        }
        return 0;
    }

    private static int export(Cli cli, PrintStream out) throws Exception {
        cli.allowOnly(Set.of("data-dir", "authority", "format", "out"));
        String gss = cli.options().get("authority");
        if (gss == null) throw new Cli.UsageException("export needs --authority GSS");
        String format = cli.option("format", "csv");
        if (!format.equals("csv") && !format.equals("oruk")) throw new Cli.UsageException("--format must be csv or oruk, got '" + format + "'");
        Path dir = Path.of(cli.option("out", "."));
        java.nio.file.Files.createDirectories(dir);
        try (Store store = Store.open(storeFile(cli.dataDir()))) {
            var authority = store.authority(gss).orElseThrow(() -> new Cli.UsageException("unknown authority GSS code '" + gss + "'"));
            List<Service> services = store.services().stream().filter(s -> gss.equals(s.authorityCode())).toList();
            var entitlements = store.entitlements(gss);
            if (format.equals("csv")) {
                Path sf = dir.resolve(gss + "-services.csv"), ef = dir.resolve(gss + "-entitlements.csv");
                try (var w = java.nio.file.Files.newBufferedWriter(sf)) { OfferCsvWriter.services(services, w); }
                try (var w = java.nio.file.Files.newBufferedWriter(ef)) { OfferCsvWriter.entitlements(entitlements, w); }
                out.println("wrote " + services.size() + " services to " + sf + " and " + entitlements.size() + " entitlements to " + ef);
            } else {
                Vocabulary vocabulary = Importer.vocabulary(DataFiles.embedded());
                Oruk oruk = new Oruk(vocabulary, code -> store.authority(code).orElse(null), Weights.DEFAULT.staleMonths(), java.time.Clock.systemDefaultZone());
                List<Object> contents = new java.util.ArrayList<>();
                for (Service s : services) contents.add(oruk.service(s, "en", true));
                Map<String, Object> page = uk.localoffer.server.api.Json.page(contents, contents.size(), 1, Math.max(1, contents.size()));
                Path f = dir.resolve(gss + "-services.json");
                RecordJson.MAPPER.writerWithDefaultPrettyPrinter().writeValue(f.toFile(), page);
                out.println("wrote " + services.size() + " services of " + authority.name() + " to " + f
                        + " (entitlements have no ORUK form: use --format csv for them)");
            }
        }
        return 0;
    }

    static Map<String, Object> statsJson(Stats s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("authorities", s.authorities());
        m.put("authorities_with_boundary", s.authoritiesWithBoundary());
        m.put("district_councils", s.districtCouncils());
        m.put("district_councils_with_boundary", s.districtCouncilsWithBoundary());
        m.put("postcode_districts", s.postcodeDistricts());
        m.put("services", s.services());
        m.put("entitlements", s.entitlements());
        m.put("review_rows", s.reviewRows());
        m.put("review_rows_linked", s.reviewRowsLinked());
        m.put("authorities_without_services", s.authoritiesWithoutServices());
        m.put("authorities_without_entitlements", s.authoritiesWithoutEntitlements());
        m.put("illustrative_records", s.illustrativeRecords());
        m.put("sourced_records", s.sourcedRecords());
        return m;
    }

    private static int serve(Cli cli, PrintStream out) throws Exception {
        cli.allowOnly(Set.of("data-dir", "port", "host", "stale-months"));
        int port = cli.port();
        Weights weights = weights(cli);
        Store store = Store.open(storeFile(cli.dataDir()));
        if (store.stats().authorities() == 0) {
            store.close();
            throw new Cli.UsageException("the store in " + cli.dataDir() + " is empty: run 'import' first");
        }
        long started = System.nanoTime();
        int postcodes = PostcodeTable.embedded().size();
        out.printf("postcode table: %,d postcodes loaded in %d ms%n", postcodes, (System.nanoTime() - started) / 1_000_000);
        Directory directory = openDirectory(store, cli.dataDir(), weights);
        String host = cli.option("host", "127.0.0.1");
        DirectoryApp app = DirectoryApp.start(directory, host, port);
        out.println("serving " + directory.services().size() + " services on http://" + (host.equals("0.0.0.0") ? "localhost" : host) + ":" + app.port()
                + (host.equals("127.0.0.1") ? " (this computer only; --host 0.0.0.0 to serve the network)" : " (listening on " + host + ")"));
        var reloader = reloadAfterImports(store, directory, out);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> { reloader.shutdownNow(); app.stop(); directory.close(); store.close(); }));
        return app.awaitStop();
    }

    /** Watches for imports committed by other processes and swaps in a rebuilt index. */
    static java.util.concurrent.ScheduledExecutorService reloadAfterImports(Store store, Directory directory, PrintStream out) {
        var timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "reload-after-import");
            t.setDaemon(true);
            return t;
        });
        long[] seen = {store.latestImportRun()};
        timer.scheduleWithFixedDelay(() -> {
            try {
                long latest = store.latestImportRun();
                if (latest != seen[0]) {
                    directory.reload();
                    seen[0] = latest;
                    out.println("reloaded after import run " + latest + ": " + directory.services().size() + " services");
                }
            } catch (RuntimeException e) {
                System.err.println("reload failed; still serving the previous index: " + e.getMessage());
            }
        }, 3, 3, java.util.concurrent.TimeUnit.SECONDS);
        return timer;
    }

    private static Weights weights(Cli cli) {
        String v = cli.options().get("stale-months");
        if (v == null) return Weights.DEFAULT;
        try {
            return Weights.DEFAULT.withStaleMonths(Integer.parseInt(v));
        } catch (IllegalArgumentException e) {
            throw new Cli.UsageException("--stale-months must be a whole number from 1 to 120, got '" + v + "'");
        }
    }

    static Directory openDirectory(Store store, Path dataDir) throws java.io.IOException {
        return openDirectory(store, dataDir, Weights.DEFAULT);
    }

    static Directory openDirectory(Store store, Path dataDir, Weights weights) throws java.io.IOException {
        return new Directory(store, Importer.vocabulary(DataFiles.embedded()), dataDir.resolve("index"), weights);
    }
}
