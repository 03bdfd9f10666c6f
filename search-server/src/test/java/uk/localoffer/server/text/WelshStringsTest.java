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
 * The matcher's and the pages' words have a Welsh draft for every English one, and every draft is listed in
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

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"match", "pages"})
    void everyEnglishStringHasAWelshDraftListedForReview(String name) throws Exception {
        Properties en = bundle(name + ".properties"), cy = bundle(name + "_cy.properties");
        assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(cy.stringPropertyNames()), "the same keys in English and Welsh");
        String all = Files.readString(ServerTestData.repo().resolve("docs/welsh-strings.md"));
        int from = all.indexOf("<!-- " + name + " -->"), to = all.indexOf("<!-- /" + name + " -->");
        assertTrue(from >= 0 && to > from, "docs/welsh-strings.md has a section <!-- " + name + " -->");
        String doc = all.substring(from, to);
        for (String key : cy.stringPropertyNames()) {
            assertFalse(cy.getProperty(key).isBlank(), key);
            assertTrue(doc.contains("| `" + key + "` |"), "docs/welsh-strings.md lists " + key);
            assertTrue(doc.contains(cy.getProperty(key).strip()), "docs/welsh-strings.md gives the draft of " + key);
        }
    }
}
