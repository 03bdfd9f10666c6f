package uk.localoffer.server.faults;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import uk.localoffer.directory.Directory;
import uk.localoffer.match.Weights;
import uk.localoffer.server.Main;
import uk.localoffer.server.cli.DataDir;
import uk.localoffer.server.hostile.RawHttp;
import uk.localoffer.server.web.ReloadWatcher;
import uk.localoffer.store.RecordJson;
import uk.localoffer.store.Store;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A server and an import meeting at the worst moments: the server killed while it swaps in a
 * new index, and a server started while an import commits. Each time the server ends up
 * serving what the store committed, within seconds.
 */
class ServerFaultsTest {
    @TempDir Path dir;

    static void importDefault(Path data) {
        assertEquals(0, Main.run(new String[]{"import", "--data-dir", data.toString()}, new PrintStream(new ByteArrayOutputStream()), System.err));
    }

    static void importFile(Path data, Path file) {
        assertEquals(0, Main.run(new String[]{"import", "--data-dir", data.toString(), file.toString()}, new PrintStream(new ByteArrayOutputStream()), System.err));
    }

    static JsonNode json(int port, String target) throws Exception {
        RawHttp.Answer a = RawHttp.get(port, target);
        assertEquals(200, a.status(), a.body());
        return RecordJson.MAPPER.readTree(a.body());
    }

    static int servedServices(int port) throws Exception { return json(port, "/health").get("services").asInt(); }

    static int storedServices(Path data) {
        try (Store s = Store.open(DataDir.storeFile(data))) {
            return s.services().size();
        }
    }

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void aServerKilledWhileItSwapsInANewIndexRestartsServingTheCommittedData() throws Exception {
        Path data = dir.resolve("data");
        importDefault(data);
        try (Children children = new Children()) {
            Children.Child server = children.startServer(data);
            int port = children.serve(server, 120);
            assertEquals(storedServices(data), servedServices(port));
            // A large import, so the new index takes a while to build; the server's watcher starts the rebuild within a second.
            importFile(data, Children.offerFile(dir, "faultline", "v1", 20_000));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            List<Path> seen = Children.generations(data);
            while (seen.size() < 2 && System.nanoTime() < deadline) seen = Children.generations(data);
            server.kill();
            assertEquals(2, seen.size(), "killed while the old and the new index were both on disk: " + seen);
            assertEquals("ok", Children.integrity(data));

            Children.Child again = children.startServer(data);
            int port2 = children.serve(again, 120);
            assertEquals(storedServices(data), servedServices(port2), "the restarted server serves what the store committed");
            assertEquals(20_000, json(port2, "/api/v1/services?search=Faultline&per_page=1").get("total_items").asInt());
            assertEquals(1, Children.generations(data).size(), "the half-built generation is gone: " + Children.generations(data));
        }
    }

    /**
     * The race of issue 16, made certain: the directory is built while an import's transaction is
     * open, the import commits, and only then does the watcher start (as serve starts it after the
     * web app). The watcher compares with the run the directory loaded, not with the store's run
     * when it starts, so it reloads.
     */
    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void aDirectoryBuiltWhileAnImportCommitsIsReloadedWithTheCommittedData() throws Exception {
        Path data = dir.resolve("data");
        importDefault(data);
        try (Children children = new Children(); Store store = Store.open(DataDir.storeFile(data))) {
            Children.Child imp = children.importStoppingAt(data, Children.offerFile(dir, "faultline", "v1", 3_000), "writing");
            imp.await("AT writing", 120);
            try (Directory directory = DataDir.openDirectory(store, data, Weights.DEFAULT, Clock.systemDefaultZone())) {
                int built = directory.services().size();
                imp.proceed();
                imp.await("AT done", 120);
                assertEquals(built + 3_000, store.services().size(), "the import committed after the index was built");
                try (ReloadWatcher ignored = ReloadWatcher.start(directory, 200)) {
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                    while (directory.services().size() != built + 3_000 && System.nanoTime() < deadline) Thread.sleep(50);
                }
                assertEquals(built + 3_000, directory.services().size(), "the committed data is served within seconds");
            }
        }
    }

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void aServerStartedWhileAnImportCommitsServesTheCommittedDataWithinSeconds() throws Exception {
        Path data = dir.resolve("data");
        importDefault(data);
        int before = storedServices(data);
        try (Children children = new Children()) {
            Children.Child imp = children.importStoppingAt(data, Children.offerFile(dir, "faultline", "v1", 20_000), "writing");
            imp.await("AT writing", 120);
            Children.Child server = children.startServer(data);
            // The server reads the store while the import's transaction is open, and the import commits as it builds its index.
            Thread.sleep(1_500);
            imp.proceed();
            imp.await("AT done", 120);
            int port = children.serve(server, 120);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (servedServices(port) != before + 20_000 && System.nanoTime() < deadline) Thread.sleep(100);
            assertEquals(before + 20_000, servedServices(port), "the committed data, within seconds of the server starting");
            assertEquals(20_000, json(port, "/api/v1/services?search=Faultline&per_page=1").get("total_items").asInt());
        }
    }
}
