package uk.localoffer.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.localoffer.importer.DataFiles;
import uk.localoffer.importer.Importer;
import uk.localoffer.match.Weights;
import uk.localoffer.server.cli.DataDir;
import uk.localoffer.server.http.JsonBody;
import uk.localoffer.store.Store;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An import process killed while it writes (kill -9, no chance to clean up) leaves the store
 * and the index exactly as they were: the transaction never commits, and SQLite rolls the
 * half-written pages back when the store is next opened. The import stops where the test says,
 * with its services written and nothing committed, and is killed there.
 */
class ImportCrashTest {
    static final String STOPPED = "stopped mid-write after ";
    @TempDir Path dir;

    /**
     * The import process: imports a file with the real importer and store, and when its services
     * are written, inside the open transaction, says so and waits to be killed.
     */
    public static final class StopsMidWrite {
        public static void main(String[] args) throws Exception {
            Store store = Store.open(DataDir.storeFile(Path.of(args[0])));
            new Importer(store).onWritten((what, changes) -> {
                System.out.println(STOPPED + what + ": " + changes);
                System.out.flush();
                while (true) LockSupport.park();
            }).importFiles(List.of(Path.of(args[1])), null, Importer.vocabulary(DataFiles.embedded()), false);
            System.out.println("the import finished: it was never stopped");
        }
    }

    static Process importProcess(Path data, Path file) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                StopsMidWrite.class.getName(), data.toString(), file.toString()).redirectErrorStream(true).start();
    }

    static String contentOf(Path data) throws Exception {
        try (Store s = Store.open(DataDir.storeFile(data))) {
            return JsonBody.MAPPER.writeValueAsString(s.stats()) + s.services().hashCode() + s.entitlements().hashCode() + s.latestImportRun();
        }
    }

    @Test
    void killingAnImportMidWriteLeavesTheStoreAndIndexAsTheyWere() throws Exception {
        Path data = dir.resolve("data");
        assertEquals(0, ImportCommandTest.cli("import", "--data-dir", data.toString()).code());
        // An index built by a server that is then stopped.
        try (Store s = Store.open(DataDir.storeFile(data)); var d = DataDir.openDirectory(s, data, Weights.DEFAULT, Clock.systemDefaultZone())) {
            assertTrue(d.services().size() > 300);
        }
        List<Path> indexBefore;
        try (var files = Files.walk(data.resolve("index"))) { indexBefore = files.sorted().toList(); }
        assertTrue(indexBefore.size() > 3, "the built index stays on disk: " + indexBefore);
        String before = contentOf(data);

        Path offer = dir.resolve("big-offer.csv");
        StringBuilder sb = new StringBuilder("source_id,name,description,authority,needs,age_min,age_max,provenance,source_note\n");
        for (int i = 0; i < 5_000; i++)
            sb.append("s").append(i).append(",Service ").append(i).append(",A service,E08000012,mentoring,16,25,illustrative,crash test\n");
        Files.writeString(offer, sb.toString());

        Process p = importProcess(data, offer);
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line, stopped = null;
        while (stopped == null && (line = out.readLine()) != null) if (line.startsWith(STOPPED)) stopped = line;
        assertEquals(STOPPED + "services (big-offer): 5000 added, 0 updated, 0 removed, 0 unchanged", stopped);
        assertTrue(p.isAlive(), "the import waits, its transaction open, to be killed");
        p.destroyForcibly();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));

        assertEquals(before, contentOf(data));
        try (Store s = Store.open(DataDir.storeFile(data))) {
            assertEquals(0, s.services().stream().filter(x -> x.provenance().source().equals("big-offer")).count());
        }
        List<Path> indexAfter;
        try (var files = Files.walk(data.resolve("index"))) { indexAfter = files.sorted().toList(); }
        assertEquals(indexBefore, indexAfter);
    }
}
