package uk.localoffer.server.pages;

import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The pages' words, in English and Welsh, from the resource bundles {@code messages/pages.properties}
 * and {@code messages/pages_cy.properties} (UTF-8). The Welsh is a draft for review by a Welsh
 * speaker (docs/welsh-strings.md lists every string); WelshStringsTest holds the two bundles
 * key for key.
 */
final class Messages {
    private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    private static final ResourceBundle EN = ResourceBundle.getBundle("messages.pages", Locale.ROOT, NO_FALLBACK);
    private static final ResourceBundle CY = ResourceBundle.getBundle("messages.pages", Locale.forLanguageTag("cy"), NO_FALLBACK);

    private Messages() { }

    static String get(String lang, String key) {
        return ("cy".equals(lang) ? CY : EN).getString(key);
    }

    static boolean has(String key) { return EN.containsKey(key); }
}
