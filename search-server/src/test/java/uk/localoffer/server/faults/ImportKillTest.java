package uk.localoffer.server.faults;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import uk.localoffer.directory.Directory;
import uk.localoffer.index.BrowseQuery;
import uk.localoffer.match.Weights;
import uk.localoffer.server.Main;
import uk.localoffer.server.cli.DataDir;
import uk.localoffer.store.Store;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Twenty imports killed with SIGKILL at points the test chooses: when all is read and checked
 * but nothing written, with the records written and the transaction open, just after the commit,
 * and at seeded moments anywhere in the import's life (so also inside the commit). After each,
 * SQLite's integrity check passes, and the store and the index a server serves from it hold the
 * import's source as it was before or as the file says, never a mix.
 */
class ImportKillTest {
    static final String SOURCE = "faultline";
    @TempDir Path dir;

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void importsKilledAtChosenPointsLeaveTheStoreAndIndexBeforeOrAfterNeverAMix() throws Exception {
        Path data = dir.resolve("data");
        assertEquals(0, Main.run(new String[]{"import", "--data-dir", data.toString()}, new PrintStream(new ByteArrayOutputStream()), System.err));
        try (Children children = new Children(); Store store = Store.open(DataDir.storeFile(data));
             Directory directory = DataDir.openDirectory(store, data, Weights.DEFAULT, Clock.systemDefaultZone())) {
            // Version 0, imported whole: what the store holds before the first kill, and how long a whole import takes.
            long started = System.nanoTime();
            Children.Child first = children.importStoppingAt(data, Children.offerFile(dir, SOURCE, "v0", 800), "none");
            first.await("AT done", 120);
            long wholeMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            Set<String> committed = versionOf(store);
            assertEquals(Set.of("v0"), committed);
            assertEquals("before", check(data, store, directory, committed, committed));

            Random random = new Random(16);
            String[] points = {"checked", "writing", "committed", "timed"};
            Map<String, Map<String, Integer>> outcomes = new TreeMap<>();
            for (int i = 1; i <= 20; i++) {
                String point = points[i % points.length], version = "v" + i;
                Path file = Children.offerFile(dir, SOURCE, version, 600 + 25 * i);
                Children.Child c = children.importStoppingAt(data, file, point.equals("timed") ? "none" : point);
                // A seeded moment in the second half of a whole import's time or just after it: checking, writing, committing or done.
                if (point.equals("timed")) Thread.sleep(wholeMillis / 2 + random.nextLong(wholeMillis * 7 / 10));
                else c.await("AT " + point, 120);
                c.kill();
                String state = check(data, store, directory, committed, Set.of(version));
                if (state.equals("after")) committed = Set.of(version);
                outcomes.computeIfAbsent(point, k -> new TreeMap<>()).merge(state, 1, Integer::sum);
            }
            System.out.println("import kills (point -> store after the kill): " + outcomes);
            assertEquals(Map.of("before", 5), outcomes.get("checked"), "killed before writing: nothing changed");
            assertEquals(Map.of("before", 5), outcomes.get("writing"), "killed with the transaction open: nothing changed");
            assertEquals(Map.of("after", 5), outcomes.get("committed"), "killed after the commit: the import is whole");
            assertEquals(5, outcomes.get("timed").values().stream().mapToInt(Integer::intValue).sum());
        }
        // A server started afterwards builds its index from the store as it is, with no generation left over.
        try (Store store = Store.open(DataDir.storeFile(data));
             Directory directory = DataDir.openDirectory(store, data, Weights.DEFAULT, Clock.systemDefaultZone())) {
            assertEquals("ok", Children.integrity(data));
            assertEquals(store.services().size(), directory.services().size());
            assertEquals(1, Children.generations(data).size());
        }
    }

    /** Which versions of the file the store's records of the source come from ("v3"): one, unless the import was torn. */
    static Set<String> versionOf(Store store) {
        return store.services().stream().filter(s -> s.provenance().source().equals(SOURCE)).map(s -> s.name().split(" ")[1]).collect(Collectors.toSet());
    }

    /**
     * After a kill: the store is whole, its records of the source are all of one version, the
     * before or the after one, all that version's services are there, and the directory (reloaded
     * as a server's watcher reloads it) and its index serve exactly that. "before" or "after".
     */
    static String check(Path data, Store store, Directory directory, Set<String> before, Set<String> after) throws Exception {
        assertEquals("ok", Children.integrity(data), "SQLite's integrity check");
        Set<String> versions = versionOf(store);
        assertTrue(versions.equals(before) || versions.equals(after), "the store holds " + versions + ": neither " + before + " nor " + after);
        String version = versions.iterator().next();
        long stored = store.services().stream().filter(s -> s.provenance().source().equals(SOURCE)).count();
        assertEquals(expectedCount(version), stored, "every service of " + version);
        directory.reloadIfChanged();
        assertEquals(store.latestImportRun(), directory.loadedRun());
        assertEquals(stored, directory.services().values().stream().filter(s -> s.provenance().source().equals(SOURCE)).count());
        assertEquals(stored, total(directory, "Faultline"), "the index serves the source's services, all of one version");
        assertEquals(stored, total(directory, version));
        return versions.equals(after) && !after.equals(before) ? "after" : "before";
    }

    static long expectedCount(String version) {
        int i = Integer.parseInt(version.substring(1));
        return i == 0 ? 800 : 600 + 25L * i;
    }

    static long total(Directory directory, String text) {
        return directory.browse().search(new BrowseQuery(text, Map.of(), null, null, null, null, null, null, null, null, 1, 1)).total();
    }
}
