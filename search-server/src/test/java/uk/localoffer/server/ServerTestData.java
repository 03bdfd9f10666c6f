package uk.localoffer.server;

import uk.localoffer.server.web.DirectoryApp;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository is during tests, and a real server over the default dataset. */
public final class ServerTestData {
    private ServerTestData() { }

    public static Path repo() {
        Path p = Path.of(System.getProperty("localoffer.repo", "..")).toAbsolutePath().normalize();
        return Files.exists(p.resolve("data")) ? p : p.getParent();
    }

    /** A real server on a random loopback port over the default dataset, as tests use it. */
    public record RunningServer(uk.localoffer.store.Store store, uk.localoffer.directory.Directory directory, DirectoryApp app) implements AutoCloseable {
        @Override
        public void close() {
            app.stop();
            directory.close();
            store.close();
        }
    }

    public static RunningServer startServer(Path dir) throws Exception {
        var store = uk.localoffer.store.Store.open(dir.resolve("directory.sqlite"));
        new uk.localoffer.importer.Importer(store).importDefault(uk.localoffer.importer.DataFiles.embedded(),
                uk.localoffer.importer.Importer.DefaultOptions.everything().withExamples(true));
        var directory = uk.localoffer.server.cli.DataDir.openDirectory(store, dir, uk.localoffer.match.Weights.DEFAULT, java.time.Clock.systemDefaultZone());
        return new RunningServer(store, directory, DirectoryApp.start(directory, "127.0.0.1", 0));
    }
}
