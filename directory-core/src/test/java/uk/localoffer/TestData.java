package uk.localoffer;

import uk.localoffer.importer.Importer;
import uk.localoffer.store.Store;

import java.nio.file.Files;
import java.nio.file.Path;

/** Paths to the project's reference data, and a store loaded with the default dataset. */
public final class TestData {
    private TestData() { }

    public static Path repo() {
        Path p = Path.of(System.getProperty("localoffer.repo", "..")).toAbsolutePath().normalize();
        return Files.exists(p.resolve("data")) ? p : p.getParent();
    }

    public static Path shared() {
        Path s = repo().resolve("../shared").normalize();
        if (!Files.isDirectory(s)) throw new IllegalStateException("the reference data folder ../shared is not beside the repository at " + s);
        return s;
    }

    public static Path reviewTable() { return shared().resolve("domain/wwcsc_la_wellbeing_offers_2022.csv"); }

    public static Path boundaries() { return shared().resolve("geo/ctyua_dec2023_uk_bsc.geojson"); }

    /** A new store in {@code dir} with the default dataset: sourced records only (boundaries too, when asked). */
    public static Store defaultStore(Path dir, boolean withBoundaries) throws Exception {
        return store(dir, withBoundaries, false);
    }

    /** A new store with the default dataset and the illustrative examples: thousands of varied records for engine tests. */
    public static Store examplesStore(Path dir, boolean withBoundaries) throws Exception {
        return store(dir, withBoundaries, true);
    }

    private static Store store(Path dir, boolean withBoundaries, boolean examples) throws Exception {
        Store store = Store.open(dir.resolve("directory.sqlite"));
        new Importer(store).importDefault(Importer.DataFiles.embedded(),
                new Importer.DefaultOptions(reviewTable(), withBoundaries ? boundaries() : null, false).withExamples(examples));
        return store;
    }
}
