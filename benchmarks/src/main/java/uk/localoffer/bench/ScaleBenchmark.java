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
import uk.localoffer.directory.Directory;
import uk.localoffer.domain.Vocabulary;
import uk.localoffer.importer.DataFiles;
import uk.localoffer.importer.Importer;
import uk.localoffer.match.MatchResult;
import uk.localoffer.match.Profile;
import uk.localoffer.match.Weights;
import uk.localoffer.store.Store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The matcher over seeded national-scale directories (SyntheticDirectory, seed 42), prepared by
 * ScalePrepare in WORK/SIZE/directory.sqlite (which also measures import, index build and heap).
 * Each fork opens the Directory over that store and the index ScalePrepare built beside it, and
 * answers the 500 ScaleProfiles in turn.
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

    /** Where ScalePrepare left each size's store. */
    @Param("benchmarks/target/scale/work")
    public String work;

    private Store store;
    private Directory directory;
    private List<Profile> profiles;
    private final AtomicInteger next = new AtomicInteger();

    @Setup(Level.Trial)
    public void load() throws Exception {
        Path prepared = Path.of(work, Integer.toString(size));
        if (!Files.exists(prepared.resolve("directory.sqlite")))
            throw new IllegalStateException(prepared + "/directory.sqlite is missing: run ScalePrepare " + size + " first (./benchmark-scale does)");
        store = Store.open(prepared.resolve("directory.sqlite"));
        Vocabulary vocabulary = Importer.vocabulary(DataFiles.embedded());
        // The index ScalePrepare built from this store, opened again (rebuilt only if the store has changed).
        directory = new Directory(store, vocabulary, prepared.resolve("index"), Weights.DEFAULT);
        profiles = ScaleProfiles.generate(ScaleProfiles.COUNT, 42, store.authorities(), vocabulary);
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
    }
}
