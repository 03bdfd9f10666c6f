package uk.localoffer.server.pages;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * The words on the pages, read from {@code pages/messages_en.properties} and
 * {@code pages/messages_cy.properties} (UTF-8). The Welsh is a first draft: it needs review by
 * a Welsh speaker before it is relied on. {@code %s} marks where a value goes.
 */
final class Messages {
    static final Set<String> LANGUAGES = Set.of("en", "cy");
    private static final Map<String, Map<String, String>> BUNDLES = Map.of("en", load("en"), "cy", load("cy"));

    private Messages() { }

    static Map<String, String> load(String lang) {
        String name = "/pages/messages_" + lang + ".properties";
        try (InputStream in = Messages.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException(name + " is missing from the program");
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> out = new TreeMap<>();
            p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
            return Map.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The words for a key in the page language; an unknown key is a programming error. */
    static String get(String lang, String key) {
        String s = BUNDLES.get("cy".equals(lang) ? "cy" : "en").get(key);
        if (s == null) throw new IllegalArgumentException("no message '" + key + "' in " + lang);
        return s;
    }

    /** The words for a key with its {@code %s} places filled in. */
    static String format(String lang, String key, Object... values) {
        return String.format(Locale.ROOT, get(lang, key), values);
    }

    static boolean has(String lang, String key) {
        return BUNDLES.get("cy".equals(lang) ? "cy" : "en").containsKey(key);
    }
}
