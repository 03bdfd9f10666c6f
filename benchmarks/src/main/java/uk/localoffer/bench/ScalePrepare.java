package uk.localoffer.bench;

import uk.localoffer.directory.Directory;
import uk.localoffer.domain.Authority;
import uk.localoffer.domain.Nation;
import uk.localoffer.domain.Residence;
import uk.localoffer.domain.Service;
import uk.localoffer.domain.Vocabulary;
import uk.localoffer.importer.DataFiles;
import uk.localoffer.importer.Importer;
import uk.localoffer.match.MatchResult;
import uk.localoffer.match.Profile;
import uk.localoffer.match.Weights;
import uk.localoffer.store.RecordJson;
import uk.localoffer.store.Store;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Prepares one size of the scale benchmark and measures what JMH cannot:
 * <ol>
 *   <li>generates SIZE services (SyntheticDirectory, seed 42) and imports them into a fresh
 *       store through Store.write/replaceServices as the importer does (services/s);</li>
 *   <li>loads the Directory (store read + Lucene index build: time, index size on disk) and
 *       measures the heap it holds after GC;</li>
 *   <li>loads the same services into each SQL baseline (time);</li>
 *   <li>checks, over the first profiles, that each baseline returns the same eligible set and
 *       how much its top 10 overlaps the engine's; prints it.</li>
 * </ol>
 * The store stays in WORK/SIZE/directory.sqlite for ScaleBenchmark and the HTTP load driver, the
 * SQLite baseline in WORK/SIZE/baseline.sqlite and the PostGIS one in database bench_SIZE.
 *
 * <p>The services follow the shape of the sourced default dataset (measured here by
 * {@link DatasetShape}), or with MIX {@code issue-7} the first runs' mix (then with
 * {@code --no-baselines} only the engine is prepared, its results named {@code SIZE-issue-7}).
 * The index is built in WORK/SIZE/index, where the server and ScaleBenchmark open it again.
 *
 * <p>Usage: ScalePrepare SIZE WORK OUT PG_URL|none VERIFY_PROFILES [sourced|issue-7] [--no-baselines]
 */
public final class ScalePrepare {
    public static void main(String[] args) throws Exception {
        int size = Integer.parseInt(args[0]);
        Path work = Path.of(args[1]).resolve(Integer.toString(size)), out = Path.of(args[2]);
        String pgUrl = args.length > 3 && !args[3].equals("none") ? args[3] : null;
        int verify = args.length > 4 ? Integer.parseInt(args[4]) : 100;
        boolean firstRunsMix = args.length > 5 && args[5].equals(SyntheticDirectory.Mix.ISSUE_7.name());
        boolean baselinesToo = !(args.length > 6 && args[6].equals("--no-baselines"));
        String label = size + (firstRunsMix ? "-" + SyntheticDirectory.Mix.ISSUE_7.name() : "");
        Files.createDirectories(out);
        deleteTree(work);
        Files.createDirectories(work);
        Map<String, Object> setup = new LinkedHashMap<>();
        setup.put("services", size);

        Store store = Store.open(work.resolve("directory.sqlite"));
        new Importer(store).importDefault(DataFiles.embedded(), new Importer.DefaultOptions(false, true, false));
        List<Authority> authorities = store.authorities();
        Vocabulary vocabulary = Importer.vocabulary(DataFiles.embedded());
        Map<String, Double> sourced = DatasetShape.ofDefaultDataset(work);
        SyntheticDirectory.Mix mix = firstRunsMix ? SyntheticDirectory.Mix.ISSUE_7 : SyntheticDirectory.Mix.of("sourced", sourced);
        List<Service> services = SyntheticDirectory.generate(size, 42, authorities, mix);
        setup.put("mix", mix.name());
        setup.put("sourced_dataset_shape", sourced);
        setup.put("generated_shape", DatasetShape.of(services));
        setup.put("residence_mix", residenceMix(services));
        long t0 = System.nanoTime();
        store.write(w -> {
            long run = w.startImportRun(SyntheticDirectory.SOURCE, "benchmark");
            var changes = w.replaceServices(SyntheticDirectory.SOURCE, services, run);
            w.finishImportRun(run, changes);
            return changes;
        });
        long t1 = System.nanoTime();
        setup.put("import_seconds", round1((t1 - t0) / 1e9));
        setup.put("import_services_per_second", Math.round(size / ((t1 - t0) / 1e9)));
        services.clear();
        store.checkpoint();
        setup.put("store_megabytes", round1(Files.size(work.resolve("directory.sqlite")) / 1e6));
        System.out.printf(Locale.ROOT, "[%d] import: %.1f s, %,d services/s%n", size, (t1 - t0) / 1e9, setup.get("import_services_per_second"));

        long t2 = System.nanoTime();
        Directory built = new Directory(store, vocabulary, work.resolve("index"), Weights.DEFAULT);
        long t3 = System.nanoTime();
        built.close();
        setup.put("load_and_index_seconds", round1((t3 - t2) / 1e9));
        setup.put("index_megabytes", round1(treeBytes(work.resolve("index")) / 1e6));
        System.out.printf(Locale.ROOT, "[%d] directory load + index build: %.1f s, index %.1f MB%n", size, (t3 - t2) / 1e9, setup.get("index_megabytes"));
        // What a restart does: the store has not changed, so the index built above is opened again.
        long t4 = System.nanoTime();
        Directory directory = new Directory(store, vocabulary, work.resolve("index"), Weights.DEFAULT);
        long t5 = System.nanoTime();
        setup.put("open_persisted_seconds", round1((t5 - t4) / 1e9));
        setup.put("heap_megabytes_loaded", heapAfterGc() >> 20);
        System.out.printf(Locale.ROOT, "[%d] directory opened from the persisted index: %.1f s, heap after GC %d MB%n", size, (t5 - t4) / 1e9,
                setup.get("heap_megabytes_loaded"));
        if (!baselinesToo) {
            directory.close();
            store.close();
            RecordJson.MAPPER.writerWithDefaultPrettyPrinter().writeValue(out.resolve("setup-" + label + ".json").toFile(), setup);
            return;
        }

        // The same services again (the generator is deterministic) for the baselines.
        List<Service> again = SyntheticDirectory.generate(size, 42, authorities, mix);
        Map<UUID, Integer> ordOf = new HashMap<>();
        for (int i = 0; i < again.size(); i++) ordOf.put(again.get(i).id(), i);
        List<SqlBaseline> baselines = new ArrayList<>();
        Map<String, Object> loads = new LinkedHashMap<>();
        baselines.add(SqliteBaseline.open(work.resolve("baseline.sqlite"), true, vocabulary));
        if (pgUrl != null) baselines.add(PostgisBaseline.open(pgUrl, "bench_" + size, true, vocabulary));
        Map<String, String> versions = new LinkedHashMap<>();
        for (SqlBaseline b : baselines) {
            long l0 = System.nanoTime();
            b.load(again, authorities);
            long l1 = System.nanoTime();
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("load_and_index_seconds", round1((l1 - l0) / 1e9));
            l.put("services_per_second", Math.round(size / ((l1 - l0) / 1e9)));
            loads.put(b.name(), l);
            versions.put(b.name(), b.version());
            System.out.printf(Locale.ROOT, "[%d] %s: load + indexes %.1f s (%,d services/s)%n", size, b.name(), (l1 - l0) / 1e9, l.get("services_per_second"));
        }
        setup.put("baseline_load", loads);
        setup.put("versions", versions);

        List<Profile> profiles = ScaleProfiles.generate(ScaleProfiles.COUNT, 42, authorities, vocabulary);
        Map<String, Object> checks = new LinkedHashMap<>();
        for (SqlBaseline b : baselines) checks.put(b.name(), verify(size, b, directory, profiles.subList(0, Math.min(verify, profiles.size())), again, ordOf));
        setup.put("verification", checks);
        for (SqlBaseline b : baselines) b.close();
        directory.close();
        store.close();
        RecordJson.MAPPER.writerWithDefaultPrettyPrinter().writeValue(out.resolve("setup-" + label + ".json").toFile(), setup);
    }

    /** Same eligible set? Top-10 overlap? Over {@code profiles}, printed and returned. */
    static Map<String, Object> verify(int size, SqlBaseline b, Directory directory, List<Profile> profiles, List<Service> services,
                                      Map<UUID, Integer> ordOf) throws Exception {
        int sameSet = 0, sameTop = 0, diffServices = 0, unexplained = 0, textProfiles = 0, engineEligible = 0;
        double overlap = 0, overlapText = 0, overlapPlain = 0;
        List<String> examples = new ArrayList<>();
        Map<String, Integer> explained = new LinkedHashMap<>();
        for (Profile p : profiles) {
            MatchResult r = directory.matcher().match(p, Integer.MAX_VALUE, false);
            List<Integer> engine = new ArrayList<>();
            for (var sc : r.results()) engine.add(ordOf.get(sc.service().id()));
            SqlBaseline.Answer a = b.match(p, Integer.MAX_VALUE);
            engineEligible += engine.size();
            Set<Integer> e = new HashSet<>(engine), s = new HashSet<>(a.ords());
            if (e.equals(s)) sameSet++;
            else {
                Set<Integer> onlyEngine = new HashSet<>(e), onlyBaseline = new HashSet<>(s);
                onlyEngine.removeAll(s);
                onlyBaseline.removeAll(e);
                for (int ord : union(onlyEngine, onlyBaseline)) {
                    diffServices++;
                    String why = boundary(services.get(ord), p, directory);
                    if (why != null) explained.merge(why, 1, Integer::sum);
                    if (why == null) {
                        unexplained++;
                        if (examples.size() < 5) examples.add(services.get(ord).name() + " only in " + (onlyEngine.contains(ord) ? "engine" : b.name()));
                        if (System.getenv("BENCH_DEBUG") != null && examples.size() < 3) System.out.println(p + "\n   " + services.get(ord));
                    }
                }
            }
            // The baseline's order without the services the nation rule leaves out for the engine's host.
            List<Integer> baseline = a.ords().stream().filter(ord -> !NATION.equals(boundary(services.get(ord), p, directory))).toList();
            List<Integer> te = engine.subList(0, Math.min(10, engine.size())), tb = baseline.subList(0, Math.min(10, baseline.size()));
            double o = te.isEmpty() && tb.isEmpty() ? 1.0 : (double) intersect(te, tb) / Math.max(1, Math.min(10, Math.max(te.size(), tb.size())));
            if (te.equals(tb)) sameTop++;
            overlap += o;
            if (SqlBaseline.hasText(p)) { overlapText += o; textProfiles++; } else overlapPlain += o;
        }
        int n = profiles.size();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("profiles", n);
        m.put("mean_engine_eligible", Math.round((double) engineEligible / n));
        m.put("eligible_sets_identical", sameSet);
        m.put("services_in_one_set_only", diffServices);
        m.put("explained", explained);
        m.put("of_which_unexplained", unexplained);
        m.put("mean_overlap_at_10", round3(overlap / n));
        m.put("mean_overlap_at_10_without_text", round3(overlapPlain / Math.max(1, n - textProfiles)));
        m.put("mean_overlap_at_10_with_text", textProfiles == 0 ? null : round3(overlapText / textProfiles));
        m.put("profiles_with_text", textProfiles);
        m.put("top_10_identical_in_order", sameTop);
        m.put("examples", examples);
        System.out.printf(Locale.ROOT, "[%d] %s vs engine over %d profiles (mean %,d eligible): eligible sets identical %d/%d (%d services differ, %d unexplained; explained: " + explained + "); "
                        + "mean overlap@10 %.3f (%.3f without text, %s with text over %d); top 10 identical in order %d/%d%n",
                size, b.name(), n, m.get("mean_engine_eligible"), sameSet, n, diffServices, unexplained, overlap / n, overlapPlain / Math.max(1, n - textProfiles),
                textProfiles == 0 ? "-" : String.format(Locale.ROOT, "%.3f", overlapText / textProfiles), textProfiles, sameTop, n);
        for (String x : examples) System.out.println("    e.g. " + x);
        return m;
    }

    static final String NATION = "nation";

    /**
     * Why a service may fall on either side between engine and baseline: a circle or a distance
     * limit it is within 1% of; or the nation rule (issue 14: a service covering only the other
     * nation, not the home authority's own, is left out) where the baseline's host authority (the
     * nearest centre) is not the engine's (boundaries).
     */
    static String boundary(Service s, Profile p, Directory directory) {
        var host = directory.locator().locate(null, p.location()).hostAuthority();
        Authority hostAuthority = host == null ? null : directory.authorities().get(host);
        if (hostAuthority != null) {
            Set<Nation> nations = s.coveredNations(directory.authorities()::get);
            String home = p.homeAuthority() != null ? p.homeAuthority() : host;
            var e = s.eligibility();
            boolean homesOwn = !e.acceptsAnyHomeAuthority() && e.acceptsHomeAuthorities().contains(home);
            if (!nations.isEmpty() && !nations.contains(hostAuthority.nation()) && !homesOwn) return NATION;
        }
        var place = s.locations().isEmpty() ? null : s.locations().get(0).point();
        if (place == null) return null;
        double km = place.distanceKm(p.location());
        Residence r = s.eligibility().residence();
        if (r.kind() == Residence.Kind.RADIUS && Math.abs(km - r.radiusKm()) <= 0.01 * r.radiusKm()) return "radius";
        if (p.maxDistanceKm() != null && s.isInPersonOnly() && Math.abs(km - p.maxDistanceKm()) <= 0.01 * p.maxDistanceKm()) return "distance limit";
        return null;
    }

    private static Set<Integer> union(Set<Integer> a, Set<Integer> b) {
        Set<Integer> u = new HashSet<>(a);
        u.addAll(b);
        return u;
    }

    private static int intersect(List<Integer> a, List<Integer> b) {
        Set<Integer> s = new HashSet<>(a);
        int n = 0;
        for (int x : b) if (s.contains(x)) n++;
        return n;
    }

    static Map<String, Long> residenceMix(List<Service> services) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (Service s : services) m.merge(s.eligibility().residence().kind().name().toLowerCase(Locale.ROOT), 1L, Long::sum);
        return m;
    }

    static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) { System.gc(); Thread.sleep(200); }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static long treeBytes(Path dir) throws java.io.IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    static void deleteTree(Path p) throws java.io.IOException {
        if (!Files.exists(p)) return;
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path f : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
        }
    }

    static double round1(double v) { return Math.round(v * 10) / 10.0; }

    static double round3(double v) { return Math.round(v * 1000) / 1000.0; }
}
