package uk.localoffer.match;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import uk.localoffer.TestData;
import uk.localoffer.directory.Directory;

import java.nio.file.Path;

/** Tests over the whole default dataset with the illustrative examples (thousands of varied records), loaded once per test class. */
abstract class OverTheExamples {
    static TestData.Loaded loaded;
    static Directory directory;
    @org.junit.jupiter.api.io.TempDir static Path dir;

    @BeforeAll
    static void load() throws Exception {
        loaded = TestData.examplesDirectory(dir);
        directory = loaded.directory();
    }

    @AfterAll
    static void close() { loaded.close(); }
}
