package uk.localoffer.server.faults;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import uk.localoffer.server.cli.DataDir;
import uk.localoffer.store.Store;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two imports into one data directory at once: the second waits for the first, saying so (well
 * past SQLite's five-second busy timeout), then runs; with --no-wait it stops at once saying
 * another import is running. Nothing is damaged and nothing is lost.
 */
class TwoImportsTest {
    @TempDir Path dir;

    static Map<String, Long> bySource(Path data) {
        try (Store s = Store.open(DataDir.storeFile(data))) {
            return s.services().stream().collect(Collectors.groupingBy(x -> x.provenance().source(), Collectors.counting()));
        }
    }

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void theSecondImportWaitsForTheFirstOrSaysAnotherIsRunning() throws Exception {
        Path data = dir.resolve("data");
        ServerFaultsTest.importDefault(data);
        try (Children children = new Children()) {
            Children.Child first = children.importStoppingAt(data, Children.offerFile(dir, "first", "v1", 2_000), "writing");
            first.await("AT writing", 120);

            Children.Child second = children.cli("import", "--data-dir", data.toString(), Children.offerFile(dir, "second", "v1", 1_500).toString());
            String waiting = second.await("another import into this store is running", 60);
            assertTrue(waiting.contains("pid " + first.process.pid()), waiting);
            Thread.sleep(7_000);
            assertTrue(second.process.isAlive(), "still waiting after SQLite's busy timeout: " + second.output());

            Children.Child impatient = children.cli("import", "--no-wait", "--data-dir", data.toString(), Children.offerFile(dir, "third", "v1", 10).toString());
            assertTrue(impatient.process.waitFor(60, TimeUnit.SECONDS));
            assertEquals(1, impatient.process.exitValue(), impatient.output());
            assertTrue(impatient.output().contains("another import into this store is running"), impatient.output());
            assertFalse(impatient.output().contains("SQLITE_BUSY"), impatient.output());

            first.proceed();
            first.await("AT done", 120);
            assertTrue(second.process.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, second.process.exitValue(), second.output());
        }
        assertEquals("ok", Children.integrity(data));
        Map<String, Long> sources = bySource(data);
        assertEquals(2_000L, sources.get("first"));
        assertEquals(1_500L, sources.get("second"));
        assertFalse(sources.containsKey("third"), "the import that would not wait changed nothing");
    }
}
