package uk.localoffer.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.localoffer.store.RecordJson;
import uk.localoffer.store.Store;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An import process killed while it writes (kill -9, no chance to clean up) leaves the store
 * and the index exactly as they were: the transaction never commits, and SQLite rolls the
 * half-written pages back when the store is next opened.
 */
class ImportCrashTest {
    @TempDir Path dir;

    static Process importProcess(Path data, Path file) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                "uk.localoffer.server.Main", "import", "--data-dir", data.toString(), file.toString())
                .redirectErrorStream(true).start();
    }

    static String contentOf(Path data) {
        try (Store s = Store.open(uk.localoffer.server.cli.DataDir.storeFile(data))) {
            return RecordJson.write(s.stats()) + s.services().hashCode() + s.entitlements().hashCode() + s.latestImportRun();
        }
    }

    @Test
    void killingAnImportMidWriteLeavesTheStoreAndIndexAsTheyWere() throws Exception {
        Path data = dir.resolve("data");
        assertEquals(0, ImportCommandTest.cli("import", "--data-dir", data.toString()).code());
        // An index built by a server that is then stopped.
        try (Store s = Store.open(uk.localoffer.server.cli.DataDir.storeFile(data)); var d = uk.localoffer.server.cli.DataDir.openDirectory(s, data, uk.localoffer.match.Weights.DEFAULT, java.time.Clock.systemDefaultZone())) {
            assertTrue(d.services().size() > 300);
        }
        List<Path> indexBefore;
        try (var files = Files.walk(data.resolve("index"))) { indexBefore = files.sorted().toList(); }
        assertTrue(indexBefore.size() > 3, "the built index stays on disk: " + indexBefore);
        String before = contentOf(data);

        // A large, valid offer, so the write takes long enough to be interrupted.
        Path big = dir.resolve("big-offer.csv");
        StringBuilder sb = new StringBuilder("source_id,name,description,authority,needs,age_min,age_max,provenance,source_note\n");
        for (int i = 0; i < 150_000; i++)
            sb.append("s").append(i).append(",Service ").append(i).append(",A service,E08000012,mentoring,16,25,illustrative,crash test\n");
        Files.writeString(big, sb.toString());

        Process p = importProcess(data, big);
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        boolean writing = false;
        while ((line = out.readLine()) != null) {
            if (line.contains("; writing")) { writing = true; break; }
        }
        assertTrue(writing, "the import never reached its write phase");
        Thread.sleep(300);
        assertTrue(p.isAlive(), "the import finished before it could be killed: make the file bigger");
        p.destroyForcibly();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));

        assertEquals(before, contentOf(data));
        try (Store s = Store.open(uk.localoffer.server.cli.DataDir.storeFile(data))) {
            assertEquals(0, s.services().stream().filter(x -> x.provenance().source().equals("big-offer")).count());
        }
        List<Path> indexAfter;
        try (var files = Files.walk(data.resolve("index"))) { indexAfter = files.sorted().toList(); }
        assertEquals(indexBefore, indexAfter);
    }
}
