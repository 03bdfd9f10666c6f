package uk.localoffer.server.cli;

import picocli.CommandLine.Option;
import uk.localoffer.directory.Directory;
import uk.localoffer.importer.DataFiles;
import uk.localoffer.importer.Importer;
import uk.localoffer.match.Weights;
import uk.localoffer.store.Store;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

/** The --data-dir every command takes: the folder of the store (directory.sqlite) and the search index. */
public final class DataDir {
    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "var", description = "where the store and index are (default: ${DEFAULT-VALUE})")
    Path dir;

    public static Path storeFile(Path dataDir) { return dataDir.resolve("directory.sqlite"); }

    Store openStore() { return Store.open(storeFile(dir)); }

    /** The store, which must hold the default dataset already. */
    Store openLoadedStore() {
        Store store = openStore();
        if (store.stats().authorities() == 0) {
            store.close();
            throw new UsageException("the store in " + dir + " is empty: run 'import' first");
        }
        return store;
    }

    /** The directory over {@code store} with its index in {@code dataDir}/index. */
    public static Directory openDirectory(Store store, Path dataDir, Weights weights, Clock clock) throws IOException {
        return new Directory(store, Importer.vocabulary(DataFiles.embedded()), dataDir.resolve("index"), weights, clock);
    }
}
