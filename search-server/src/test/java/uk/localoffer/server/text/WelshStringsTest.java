package uk.localoffer.server.text;

import org.junit.jupiter.api.Test;
import uk.localoffer.server.ServerTestData;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.util.Properties;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The matcher's words have a Welsh draft for every English one, and every draft is listed in
 * docs/welsh-strings.md for a Welsh speaker to review: a key missing from either would put English
 * on a Welsh page, or Welsh nobody has checked.
 */
class WelshStringsTest {
    static Properties bundle(String name) throws Exception {
        Properties p = new Properties();
        try (InputStream in = WelshStringsTest.class.getResourceAsStream("/messages/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyEnglishStringHasAWelshDraftListedForReview() throws Exception {
        Properties en = bundle("match.properties"), cy = bundle("match_cy.properties");
        assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(cy.stringPropertyNames()), "the same keys in English and Welsh");
        String doc = Files.readString(ServerTestData.repo().resolve("docs/welsh-strings.md"));
        for (String key : cy.stringPropertyNames()) {
            assertFalse(cy.getProperty(key).isBlank(), key);
            assertTrue(doc.contains("| `" + key + "` |"), "docs/welsh-strings.md lists " + key);
            assertTrue(doc.contains(cy.getProperty(key).strip()), "docs/welsh-strings.md gives the draft of " + key);
        }
    }
}
