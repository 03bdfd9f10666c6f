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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import uk.localoffer.directory.Directory;
import uk.localoffer.domain.Authority;
import uk.localoffer.domain.Delivery;
import uk.localoffer.importer.DataFiles;
import uk.localoffer.importer.Importer;
import uk.localoffer.match.MatchResult;
import uk.localoffer.match.Profile;
import uk.localoffer.match.Urgency;
import uk.localoffer.match.Weights;
import uk.localoffer.store.Store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * One match over the default dataset, for varied profiles across England and Wales. Sample
 * time mode reports the median (p0.50) and tail latencies.
 *
 * <p>Run: ./benchmark (or java -jar benchmarks/target/benchmarks.jar MatchBenchmark)
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MatchBenchmark {
    private Path dir;
    private Store store;
    private Directory directory;
    private final List<Profile> profiles = new ArrayList<>();
    private int next;

    @Setup(Level.Trial)
    public void load() throws Exception {
        dir = Files.createTempDirectory("match-bench");
        store = Store.open(dir.resolve("directory.sqlite"));
        new Importer(store).importDefault(DataFiles.embedded(), Importer.DefaultOptions.everything());
        directory = new Directory(store, Importer.vocabulary(DataFiles.embedded()), dir.resolve("index"), Weights.DEFAULT);
        Random random = new Random(42);
        List<Authority> authorities = new ArrayList<>(directory.authorities().values());
        List<String> needs = directory.vocabulary().codes("need");
        String[][] languages = {{}, {"cy"}, {"ps"}, {"ar"}, {"ti"}};
        for (int i = 0; i < 200; i++) {
            Authority host = authorities.get(random.nextInt(authorities.size()));
            Authority home = random.nextInt(3) == 0 ? authorities.get(random.nextInt(authorities.size())) : host;
            Profile.Builder b = Profile.builder().age(16 + random.nextInt(10)).location(host.centroid()).home(home.code())
                    .need(needs.get(random.nextInt(needs.size())))
                    .languages(languages[random.nextInt(languages.length)])
                    .urgency(Urgency.values()[random.nextInt(3)]);
            if (random.nextBoolean()) b.need(needs.get(random.nextInt(needs.size())));
            if (random.nextInt(4) == 0) b.maxDistanceKm(15.0);
            if (random.nextInt(5) == 0) b.delivery(Delivery.PHONE, Delivery.ONLINE);
            if (random.nextInt(6) == 0) b.circumstances("substance_use");
            if (random.nextInt(8) == 0) b.text("counselling");
            profiles.add(b.build());
        }
    }

    @Benchmark
    public MatchResult match() {
        Profile p = profiles.get(next++ % profiles.size());
        return directory.matcher().match(p, 10, false);
    }

    @TearDown(Level.Trial)
    public void close() {
        directory.close();
        store.close();
    }
}
