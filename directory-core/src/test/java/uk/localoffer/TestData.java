package uk.localoffer;

import uk.localoffer.directory.Directory;
import uk.localoffer.importer.DataFiles;
import uk.localoffer.importer.Importer;
import uk.localoffer.match.Weights;
import uk.localoffer.store.Store;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository is, and a store loaded with the default dataset (all of it from data/). */
public final class TestData {
    private TestData() { }

    public static Path repo() {
        Path p = Path.of(System.getProperty("localoffer.repo", "..")).toAbsolutePath().normalize();
        return Files.exists(p.resolve("data")) ? p : p.getParent();
    }

    /** A new store in {@code dir} with the default dataset, as a first-time user gets it: sourced records only. */
    public static Store defaultStore(Path dir) throws Exception {
        return store(dir, false);
    }

    /** A new store with the default dataset and the illustrative examples: thousands of varied records for engine tests. */
    public static Store examplesStore(Path dir) throws Exception {
        return store(dir, true);
    }

    /** A store and a directory over it, closed together: what the engine tests share between their tests. */
    public record Loaded(Store store, Directory directory) implements AutoCloseable {
        @Override
        public void close() {
            directory.close();
            store.close();
        }
    }

    /** The examples store in {@code dir} and a directory over it, its index in {@code dir}/index. */
    public static Loaded examplesDirectory(Path dir) throws Exception {
        Store store = examplesStore(dir);
        return new Loaded(store, new Directory(store, Importer.vocabulary(DataFiles.embedded()), dir.resolve("index"), Weights.DEFAULT));
    }

    private static Store store(Path dir, boolean examples) throws Exception {
        Store store = Store.open(dir.resolve("directory.sqlite"));
        new Importer(store).importDefault(DataFiles.embedded(), Importer.DefaultOptions.everything().withExamples(examples));
        return store;
    }
}
