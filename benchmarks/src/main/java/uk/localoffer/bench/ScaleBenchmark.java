package uk.localoffer.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import uk.localoffer.domain.Authority;
import uk.localoffer.domain.Service;
import uk.localoffer.importer.Importer;
import uk.localoffer.search.Directory;
import uk.localoffer.search.MatchResult;
import uk.localoffer.search.Profile;
import uk.localoffer.search.Ranking;
import uk.localoffer.search.Urgency;
import uk.localoffer.store.RecordJson;
import uk.localoffer.store.Store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The matcher over seeded national-scale directories (SyntheticDirectory, seed 42). Setup
 * measures what JMH cannot: import throughput into the store, index build time and size, and
 * the heap the loaded directory holds; it writes them to target/scale/setup-SIZE.json.
 *
 * <p>Run: ./benchmark-scale (all sizes) or ./benchmark-scale --smoke.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g", "--enable-native-access=ALL-UNNAMED"})
public class ScaleBenchmark {
    @Param({"10000", "100000", "1000000"})
    public int size;

    @Param("benchmarks/target/scale")
    public String out;

    private Path dir;
    private Store store;
    private Directory directory;
    private final List<Profile> profiles = new ArrayList<>();
    private final AtomicInteger next = new AtomicInteger();

    @Setup(Level.Trial)
    public void load() throws Exception {
        dir = Files.createTempDirectory("scale-bench");
        store = Store.open(dir.resolve("directory.sqlite"));
        new Importer(store).importDefault(Importer.DataFiles.embedded(), new Importer.DefaultOptions(null, null, false, true));
        List<Authority> authorities = store.authorities();
        List<Service> services = SyntheticDirectory.generate(size, 42, authorities);
        long t0 = System.nanoTime();
        store.write(w -> w.replaceServices(SyntheticDirectory.SOURCE, services, w.startImportRun(SyntheticDirectory.SOURCE, "benchmark")));
        long t1 = System.nanoTime();
        services.clear();
        directory = new Directory(store, Importer.vocabulary(Importer.DataFiles.embedded()), dir.resolve("index"), Ranking.Weights.DEFAULT);
        long t2 = System.nanoTime();
        long indexBytes;
        try (Stream<Path> files = Files.walk(dir.resolve("index"))) {
            indexBytes = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
        for (int i = 0; i < 3; i++) { System.gc(); Thread.sleep(200); }
        Runtime rt = Runtime.getRuntime();
        Map<String, Object> setup = new LinkedHashMap<>();
        setup.put("services", size);
        setup.put("import_services_per_second", Math.round(size / ((t1 - t0) / 1e9)));
        setup.put("load_and_index_seconds", Math.round((t2 - t1) / 1e8) / 10.0);
        setup.put("index_megabytes", Math.round(indexBytes / 1e5) / 10.0);
        setup.put("store_megabytes", Math.round(Files.size(dir.resolve("directory.sqlite")) / 1e5) / 10.0);
        setup.put("heap_megabytes_loaded", (rt.totalMemory() - rt.freeMemory()) >> 20);
        Files.createDirectories(Path.of(out));
        RecordJson.MAPPER.writerWithDefaultPrettyPrinter().writeValue(Path.of(out, "setup-" + size + ".json").toFile(), setup);

        Random random = new Random(42);
        List<String> needs = directory.vocabulary().codes("need");
        List<Authority> all = new ArrayList<>(directory.authorities().values());
        for (int i = 0; i < 500; i++) {
            Authority host = all.get(random.nextInt(all.size()));
            Authority home = random.nextInt(3) == 0 ? all.get(random.nextInt(all.size())) : host;
            Profile.Builder b = Profile.builder().age(16 + random.nextInt(10)).location(host.centroid()).home(home.code())
                    .need(needs.get(random.nextInt(needs.size()))).urgency(Urgency.values()[random.nextInt(3)]);
            if (random.nextInt(4) == 0) b.maxDistanceKm(15.0);
            if (random.nextInt(6) == 0) b.circumstances("substance_use");
            if (random.nextInt(8) == 0) b.text("counselling");
            profiles.add(b.build());
        }
    }

    private Profile nextProfile() {
        return profiles.get(Math.floorMod(next.getAndIncrement(), profiles.size()));
    }

    /** Latency, one thread: p50 and p99 come from sample-time mode. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    public MatchResult match() {
        return directory.matcher().match(nextProfile(), 10, false);
    }

    /** Throughput with two threads (this machine has two cores). */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(2)
    public MatchResult matchTwoThreads() {
        return directory.matcher().match(nextProfile(), 10, false);
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        directory.close();
        store.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
