package uk.localoffer.directory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.localoffer.Fixtures;
import uk.localoffer.TestData;
import uk.localoffer.domain.Service;
import uk.localoffer.importer.DataFiles;
import uk.localoffer.importer.Importer;
import uk.localoffer.match.Profile;
import uk.localoffer.match.Weights;
import uk.localoffer.store.Store;
import uk.localoffer.upkeep.ApiKeys;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A restart opens the index an earlier start built when the store has not changed since (its
 * version says so), and rebuilds it when anything the directory shows has changed, or when the
 * built folder is not whole.
 */
class PersistedIndexTest {
    @TempDir static Path data;
    static Store store;

    @BeforeAll
    static void load() throws Exception {
        store = TestData.defaultStore(data);
    }

    @AfterAll
    static void close() { store.close(); }

    private static Directory open(Path index) throws Exception {
        return new Directory(store, Importer.vocabulary(DataFiles.embedded()), index, Weights.DEFAULT);
    }

    private static List<String> generations(Path index) throws Exception {
        try (Stream<Path> gens = Files.list(index)) {
            return gens.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static final Profile P = Profile.builder().age(19).location(53.41, -2.98).need("emotional-wellbeing").build();

    @Test
    void anUnchangedStoreIsServedFromTheIndexBuiltBeforeAndAChangedOneIsRebuilt(@TempDir Path dir) throws Exception {
        Path index = dir.resolve("index");
        int eligible;
        Service some;
        String version = store.version();
        try (Directory first = open(index)) {
            eligible = first.matcher().match(P, 5, false).eligible();
            some = first.services().values().iterator().next();
        }
        List<String> built = generations(index);
        assertEquals(1, built.size());

        try (Directory again = open(index)) {
            assertEquals(built, generations(index), "opened, not rebuilt");
            assertEquals(eligible, again.matcher().match(P, 5, false).eligible());
            assertEquals(some, again.service(some.id()).orElseThrow(), "records are read back from the index as stored");
            assertEquals(store.serviceCount(), again.serviceCount());
            assertFalse(again.reloadIfChanged());
        }

        new ApiKeys(store, java.time.Clock.systemUTC()).create("E08000012", "Liverpool web team");
        assertEquals(version, store.version(), "a key is not part of what the directory shows");
        try (Directory withKey = open(index)) {
            assertEquals(built, generations(index));
        }

        var extra = Fixtures.service("persisted-extra", "A national counselling line added after the index was built");
        store.write(w -> w.replaceServices("persisted-test", List.of(extra.build()), w.startImportRun("persisted-test", "test")));
        assertNotEquals(version, store.version());
        try (Directory changed = open(index)) {
            assertNotEquals(built, generations(index), "rebuilt");
            assertEquals(1, generations(index).size(), "and the old folder removed");
            assertEquals(eligible + 1, changed.matcher().match(P, 5, false).eligible());
        } finally {
            store.write(w -> w.replaceServices("persisted-test", List.of(), w.startImportRun("persisted-test", "test")));
        }
    }

    @Test
    void aBuiltFolderThatIsNotWholeIsRebuilt(@TempDir Path dir) throws Exception {
        Path index = dir.resolve("index");
        int eligible;
        try (Directory first = open(index)) {
            eligible = first.matcher().match(P, 5, false).eligible();
        }
        Path facts = index.resolve(generations(index).get(0)).resolve("facts.bin");
        Files.write(facts, new byte[]{0, 0, 0, 1, 0});
        try (Directory again = open(index)) {
            assertEquals(eligible, again.matcher().match(P, 5, false).eligible());
            assertTrue(Files.size(index.resolve(generations(index).get(0)).resolve("facts.bin")) > 5, "rebuilt whole");
        }
    }
}
