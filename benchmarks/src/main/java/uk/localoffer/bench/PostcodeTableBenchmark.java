package uk.localoffer.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import uk.localoffer.geo.PostcodeTable;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The postcode table (data/postcodes_nspl_may2025.bin.gz, every Great Britain postcode) as the
 * server uses it: how long loading it from inside the program takes (in a fresh JVM, as at server
 * start, and warmed up), the heap it keeps, and one lookup. Every fork runs in an 80 MB heap.
 *
 * <p>Run: ./benchmark PostcodeTableBenchmark
 */
@Fork(value = 1, jvmArgsAppend = "-Xmx80m")
public class PostcodeTableBenchmark {
    private static final int SAMPLE = 1 << 12;

    /** The table loaded once, with postcodes drawn from it to look up; says how much heap the table keeps. */
    @State(Scope.Benchmark)
    public static class Loaded {
        PostcodeTable table;
        final String[] outcodes = new String[SAMPLE];
        final String[] inwards = new String[SAMPLE];
        int next;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            long before = usedHeapAfterGc();
            table = load();
            long retained = usedHeapAfterGc() - before;
            System.out.printf("%n[postcode table] %,d postcodes; heap kept: %.1f MB measured after GC, %.1f MB counted from its arrays; max heap %d MB%n",
                    table.size(), retained / 1e6, table.heapBytes() / 1e6, Runtime.getRuntime().maxMemory() >> 20);
            Random random = new Random(42);
            for (int i = 0; i < SAMPLE; i++) {
                String[] parts = table.postcode(random.nextInt(table.size())).split(" ");
                outcodes[i] = parts[0];
                inwards[i] = parts[1];
            }
        }
    }

    static PostcodeTable load() throws IOException {
        try (InputStream in = PostcodeTable.class.getResourceAsStream("/default-data/" + PostcodeTable.FILE)) {
            if (in == null) throw new IOException(PostcodeTable.FILE + " is not in the benchmarks jar");
            return PostcodeTable.read(in);
        }
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Loading in a JVM that has not loaded it before: what a starting server pays (one load per fork). */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(value = 5, jvmArgsAppend = "-Xmx80m")
    public PostcodeTable loadCold() throws IOException {
        return load();
    }

    /** Loading again and again: the cost once the code is compiled. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 5)
    @Measurement(iterations = 10)
    public PostcodeTable loadWarm() throws IOException {
        return load();
    }

    /** One lookup of a postcode the table has, by binary search. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public int lookup(Loaded s) {
        int i = s.next++ & (SAMPLE - 1);
        return s.table.indexOf(s.outcodes[i], s.inwards[i]);
    }
}
