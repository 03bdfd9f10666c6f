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
import uk.localoffer.domain.Vocabulary;
import uk.localoffer.importer.DataFiles;
import uk.localoffer.importer.Importer;
import uk.localoffer.match.Profile;
import uk.localoffer.store.Store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The SQL baselines answering the same 500 ScaleProfiles over the same generated services,
 * timed as ScaleBenchmark times the engine: one query per match (top 10 and the eligible
 * count), sample time with one thread, throughput with two (each thread its own connection).
 * ScalePrepare loads the databases: WORK/SIZE/baseline.sqlite, and database bench_SIZE on
 * the PostgreSQL cluster at {@code pg}.
 */
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "--enable-native-access=ALL-UNNAMED"})
public class BaselineBenchmark {
    @State(Scope.Benchmark)
    public static class Shared {
        @Param({"sqlite", "postgis"})
        public String db;

        @Param({"10000", "100000", "1000000"})
        public int size;

        @Param("benchmarks/target/scale/work")
        public String work;

        /** The throwaway cluster's JDBC address, ending in a slash. */
        @Param("jdbc:postgresql://127.0.0.1:54329/")
        public String pg;

        List<Profile> profiles;
        Vocabulary vocabulary;
        final AtomicInteger next = new AtomicInteger();

        @Setup(Level.Trial)
        public void profiles() throws Exception {
            Path prepared = Path.of(work, Integer.toString(size));
            if (!Files.exists(prepared.resolve("directory.sqlite")))
                throw new IllegalStateException(prepared + " is missing: run ScalePrepare " + size + " first (./benchmark-scale does)");
            vocabulary = Importer.vocabulary(DataFiles.embedded());
            try (Store store = Store.open(prepared.resolve("directory.sqlite"))) {
                profiles = ScaleProfiles.generate(ScaleProfiles.COUNT, 42, store.authorities(), vocabulary);
            }
        }

        Profile nextProfile() { return profiles.get(Math.floorMod(next.getAndIncrement(), profiles.size())); }
    }

    @State(Scope.Thread)
    public static class Connection {
        SqlBaseline baseline;

        @Setup(Level.Trial)
        public void open(Shared shared) throws Exception {
            baseline = switch (shared.db) {
                case "sqlite" -> SqliteBaseline.open(Path.of(shared.work, Integer.toString(shared.size), "baseline.sqlite"), false, shared.vocabulary);
                case "postgis" -> PostgisBaseline.open(shared.pg, "bench_" + shared.size, false, shared.vocabulary);
                default -> throw new IllegalArgumentException("db must be sqlite or postgis, got " + shared.db);
            };
        }

        @TearDown(Level.Trial)
        public void close() throws Exception { baseline.close(); }
    }

    /** Latency, one thread: p50 and p99 come from sample-time mode. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    public SqlBaseline.Answer match(Shared shared, Connection c) throws Exception {
        return c.baseline.match(shared.nextProfile(), 10);
    }

    /** Throughput with two threads (this machine has two cores). */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(2)
    public SqlBaseline.Answer matchTwoThreads(Shared shared, Connection c) throws Exception {
        return c.baseline.match(shared.nextProfile(), 10);
    }
}
