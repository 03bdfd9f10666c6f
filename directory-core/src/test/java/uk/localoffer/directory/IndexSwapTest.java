package uk.localoffer.directory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.localoffer.Fixtures;
import uk.localoffer.TestData;
import uk.localoffer.domain.Authority;
import uk.localoffer.domain.GeoPoint;
import uk.localoffer.domain.Service;
import uk.localoffer.domain.Vocabulary;
import uk.localoffer.importer.DataFiles;
import uk.localoffer.importer.Importer;
import uk.localoffer.index.Criteria;
import uk.localoffer.index.ServiceIndex;
import uk.localoffer.index.Snapshot;
import uk.localoffer.match.Profile;
import uk.localoffer.match.Weights;
import uk.localoffer.store.Store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Searches running while the index is rebuilt from changed data see the old index or the new one, never a broken one. */
class IndexSwapTest {
    @TempDir static Path data;
    @TempDir Path dir;
    static Store store;

    @org.junit.jupiter.api.BeforeAll
    static void load() throws Exception {
        store = TestData.examplesStore(data);
    }

    @org.junit.jupiter.api.AfterAll
    static void close() { store.close(); }

    private static long generations(Path index) throws Exception {
        try (Stream<Path> gens = Files.list(index)) {
            return gens.count();
        }
    }

    @Test
    void aSearchThatOverlapsAReloadOfChangedDataFinishesOnTheWholeOldIndex() throws Exception {
        {
            Vocabulary vocabulary = Importer.vocabulary(DataFiles.embedded());
            Map<String, Authority> authorities = new LinkedHashMap<>();
            for (Authority a : store.authorities()) authorities.put(a.code(), a);
            List<Service> all = store.services();
            List<Service> fewer = all.subList(0, all.size() / 2);
            Criteria everyoneIn = new Criteria(Set.of(), 19, null, null, Set.of(), "E08000012", null, new GeoPoint(53.41, -2.98), null, Set.of(), null);
            Path root = dir.resolve("index");
            try (ServiceIndex index = new ServiceIndex(root, Directory.RECORDS)) {
                index.rebuild(all, authorities, vocabulary);
                Snapshot inFlight = index.acquire(); // a search begins ...
                int eligibleBefore = inFlight.eligible(everyoneIn).size();
                index.rebuild(fewer, authorities, vocabulary); // ... half the services leave, and the index is rebuilt under it ...
                assertEquals(all.size(), inFlight.size(), "the search still sees every service of the index it began on");
                assertEquals(eligibleBefore, inFlight.eligible(everyoneIn).size(), "and can still search the whole of it");
                assertEquals(2, generations(root), "the old generation stays while the search holds it");
                int eligibleAfter = index.search(s -> s.eligible(everyoneIn).size());
                assertEquals(fewer.size(), index.search(Snapshot::size), "a new search sees the changed data");
                assertTrue(eligibleAfter < eligibleBefore, eligibleAfter + " < " + eligibleBefore);
                index.release(inFlight); // ... and ends
                assertEquals(1, generations(root), "the replaced generation is removed when its last search is done");
            }
        }
    }

    @Test
    void searchesDuringReloadsOfChangedDataNeverFailAndSeeOneWholeIndex() throws Exception {
        try (Directory directory = new Directory(store, Importer.vocabulary(DataFiles.embedded()), dir.resolve("index"), Weights.DEFAULT)) {
            Profile p = Profile.builder().age(19).location(53.41, -2.98).need("emotional-wellbeing").build();
            int without = directory.matcher().match(p, 5, false).eligible();
            var extra = Fixtures.service("swap-extra", "A national counselling line added and removed between reloads");
            List<Service> added = List.of(extra.build());
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
            for (int i = 0; i < 6; i++) {
                List<Service> extraNow = i % 2 == 0 ? added : List.of();
                store.write(w -> w.replaceServices("swap-test", extraNow, w.startImportRun("swap-test", "test")));
                directory.reload();
                assertEquals(without + extraNow.size(), directory.matcher().match(p, 5, false).eligible(), "reload " + i + " sees the changed data");
            }
            stop.set(true);
            searcher.join();
            assertNull(failure.get());
            assertTrue(Set.of(without, without + 1).containsAll(seen), "each search saw one whole index: " + seen);
            assertEquals(1, generations(dir.resolve("index")), "replaced generations are removed");
            assertEquals(5, directory.matcher().match(p, 5, false).results().size());
        }
    }
}
