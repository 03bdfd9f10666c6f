package uk.localoffer.bench;

import uk.localoffer.directory.Directory;
import uk.localoffer.domain.Vocabulary;
import uk.localoffer.importer.DataFiles;
import uk.localoffer.importer.Importer;
import uk.localoffer.match.Profile;
import uk.localoffer.match.Weights;
import uk.localoffer.store.Store;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Not a benchmark: a quick look at match latency over a prepared size, for profiling (ScaleProbe WORK SIZE ROUNDS; -Donly=circumstances|plain|strip for a subset of the profiles). */
public final class ScaleProbe {
    public static void main(String[] args) throws Exception {
        Path prepared = Path.of(args[0], args[1]);
        int rounds = Integer.parseInt(args[2]);
        try (Store store = Store.open(prepared.resolve("directory.sqlite"))) {
            Vocabulary vocabulary = Importer.vocabulary(DataFiles.embedded());
            long t0 = System.nanoTime();
            Directory directory = new Directory(store, vocabulary, prepared.resolve("index"), Weights.DEFAULT);
            System.out.printf(Locale.ROOT, "open %.1f s%n", (System.nanoTime() - t0) / 1e9);
            List<Profile> profiles = ScaleProfiles.generate(ScaleProfiles.COUNT, 42, store.authorities(), vocabulary);
            String only = System.getProperty("only");
            if ("circumstances".equals(only)) profiles = profiles.stream().filter(p -> !p.circumstances().isEmpty()).toList();
            if ("plain".equals(only)) profiles = profiles.stream().filter(p -> p.circumstances().isEmpty()).toList();
            if ("strip".equals(only)) profiles = profiles.stream().filter(p -> !p.circumstances().isEmpty())
                    .map(p -> new Profile(p.age(), p.postcode(), p.location(), p.homeAuthority(), p.needs(), p.languages(), p.englishOk(), p.status(),
                            java.util.Set.of(), p.maxDistanceKm(), p.delivery(), p.urgency(), p.text())).toList();
            for (int r = 0; r < rounds; r++) {
                long[] ns = new long[profiles.size()];
                int[] eligible = new int[profiles.size()];
                for (int i = 0; i < profiles.size(); i++) {
                    long s = System.nanoTime();
                    eligible[i] = directory.matcher().match(profiles.get(i), 10, false).eligible();
                    ns[i] = System.nanoTime() - s;
                }
                long[] sorted = ns.clone();
                Arrays.sort(sorted);
                System.out.printf(Locale.ROOT, "round %d: p50 %.2f ms, p90 %.2f, p99 %.2f, max %.2f; mean eligible %d%n", r, sorted[sorted.length / 2] / 1e6,
                        sorted[(int) (sorted.length * 0.9)] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6, sorted[sorted.length - 1] / 1e6,
                        Arrays.stream(eligible).sum() / eligible.length);
                if (r == rounds - 1) {
                    Integer[] idx = new Integer[ns.length];
                    for (int i = 0; i < idx.length; i++) idx[i] = i;
                    Arrays.sort(idx, (a, b) -> Long.compare(ns[b], ns[a]));
                    for (int k = 0; k < 5; k++) System.out.printf(Locale.ROOT, "  slow: %.2f ms, %d eligible: %s%n", ns[idx[k]] / 1e6, eligible[idx[k]], profiles.get(idx[k]));
                }
            }
            directory.close();
        }
    }
}
