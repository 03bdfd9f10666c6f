package uk.localoffer.server;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the project's reference data (../shared) is during tests. */
public final class ServerTestData {
    private ServerTestData() { }

    public static Path repo() {
        Path p = Path.of(System.getProperty("localoffer.repo", "..")).toAbsolutePath().normalize();
        return Files.exists(p.resolve("data")) ? p : p.getParent();
    }

    public static Path shared() { return repo().resolve("../shared").normalize(); }

    /** A real server on a random loopback port over the default dataset with boundaries, as tests use it. */
    public record RunningServer(uk.localoffer.store.Store store, uk.localoffer.search.Directory directory, DirectoryApp app) implements AutoCloseable {
        @Override
        public void close() {
            app.stop();
            directory.close();
            store.close();
        }
    }

    public static RunningServer startServer(Path dir) throws Exception {
        var store = uk.localoffer.store.Store.open(dir.resolve("directory.sqlite"));
        new uk.localoffer.importer.Importer(store).importDefault(uk.localoffer.importer.Importer.DataFiles.embedded(),
                new uk.localoffer.importer.Importer.DefaultOptions(shared().resolve("domain/wwcsc_la_wellbeing_offers_2022.csv"),
                        shared().resolve("geo/ctyua_dec2023_uk_bsc.geojson"), false).withExamples(true));
        var directory = Main.openDirectory(store, dir);
        return new RunningServer(store, directory, DirectoryApp.start(directory, "127.0.0.1", 0));
    }
}
