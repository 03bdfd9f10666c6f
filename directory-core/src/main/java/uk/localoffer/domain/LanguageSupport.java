package uk.localoffer.domain;

import java.util.Set;
import java.util.regex.Pattern;

/** Languages a service is delivered in (ISO 639-1), interpreters, and Welsh-language provision. */
public record LanguageSupport(Set<String> languages, boolean interpreter, WelshProvision welsh) {
    public enum WelshProvision { NONE, ON_REQUEST, ACTIVE_OFFER }

    public static final LanguageSupport ENGLISH_ONLY = new LanguageSupport(Set.of("en"), false, WelshProvision.NONE);
    private static final Pattern ISO_639_1 = Pattern.compile("[a-z]{2}");

    /** A language code as this directory writes them: ISO 639-1, two lower-case letters ("cy", "ps"). */
    public static boolean isCode(String code) {
        return code != null && ISO_639_1.matcher(code).matches();
    }

    public LanguageSupport {
        languages = Set.copyOf(languages);
    }

    public boolean deliversIn(String lang) {
        return languages.contains(lang) || ("cy".equals(lang) && welsh != WelshProvision.NONE);
    }
}
