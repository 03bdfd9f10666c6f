package uk.localoffer.domain;

import java.util.Set;

/** Languages a service is delivered in (ISO 639-1), interpreters, and Welsh-language provision. */
public record LanguageSupport(Set<String> languages, boolean interpreter, WelshProvision welsh) {
    public enum WelshProvision { NONE, ON_REQUEST, ACTIVE_OFFER }

    public static final LanguageSupport ENGLISH_ONLY = new LanguageSupport(Set.of("en"), false, WelshProvision.NONE);

    public LanguageSupport {
        languages = Set.copyOf(languages);
    }

    public boolean deliversIn(String lang) {
        return languages.contains(lang) || ("cy".equals(lang) && welsh != WelshProvision.NONE);
    }
}
