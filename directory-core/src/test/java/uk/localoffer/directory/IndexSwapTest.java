package uk.localoffer.directory;

import uk.localoffer.importer.DataFiles;
import uk.localoffer.match.Weights;
import uk.localoffer.match.Ranking;
import uk.localoffer.match.Profile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.localoffer.TestData;
import uk.localoffer.importer.Importer;
import uk.localoffer.store.Store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Searches running while the index is rebuilt see the old index or the new one, never a broken one. */
class IndexSwapTest {
    @TempDir Path dir;

    @Test
    void searchesDuringRebuildsNeverFailAndSeeOneWholeIndex() throws Exception {
        try (Store store = TestData.examplesStore(dir);
             Directory directory = new Directory(store, Importer.vocabulary(DataFiles.embedded()), dir.resolve("index"), Weights.DEFAULT)) {
            Profile p = Profile.builder().age(19).location(53.41, -2.98).need("emotional-wellbeing").build();
            int eligible = directory.matcher().match(p, 5, false).eligible();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Set<Integer> seen = ConcurrentHashMap.newKeySet();
            Thread searcher = new Thread(() -> {
                while (!stop.get()) {
                    try {
                        seen.add(directory.matcher().match(p, 5, false).eligible());
                    } catch (Throwable t) {
                        failure.set(t);
                        return;
                    }
                }
            });
            searcher.start();
            for (int i = 0; i < 5; i++) directory.reload();
            stop.set(true);
            searcher.join();
            assertNull(failure.get());
            assertEquals(Set.of(eligible), seen);
            try (var gens = Files.list(dir.resolve("index"))) {
                List<Path> left = gens.toList();
                assertEquals(1, left.size(), "replaced generations are removed: " + left);
            }
            assertTrue(directory.matcher().match(p, 5, false).results().size() == 5);
        }
    }
}
