package uk.localoffer.server.pages;

import org.junit.jupiter.api.Test;
import uk.localoffer.server.ServerTestData;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The templates say nothing in English themselves: every word comes from the pages' messages, in
 * English or Welsh. What a template writes outside its code ({@code ${…}}, {@code !{…}}, {@code @if(…)},
 * {@code @template…(…)}) and outside its tags must hold no word; and every message key a template or a
 * page names exists in both bundles.
 */
class TemplatesTest {
    static final Path JTE = ServerTestData.repo().resolve("search-server/src/main/jte");
    static final Path PAGES = ServerTestData.repo().resolve("search-server/src/main/java/uk/localoffer/server/pages");

    @Test
    void noTemplateHoldsAWordOfItsOwn() throws Exception {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(JTE)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jte")).sorted().toList()) {
                String literal = literalText(Files.readString(f));
                Matcher m = Pattern.compile("\\p{L}{2,}").matcher(literal);
                while (m.find()) found.add(f.getFileName() + ": " + m.group());
            }
        }
        assertEquals(List.of(), found, "words written in templates rather than in messages/pages*.properties");
    }

    @Test
    void everyMessageKeyNamedExistsInEnglishAndWelsh() throws Exception {
        Properties en = bundle("pages.properties"), cy = bundle("pages_cy.properties");
        assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(cy.stringPropertyNames()), "the same keys in English and Welsh");
        Pattern named = Pattern.compile("(?:t\\.(?:get|f)\\(|Messages\\.get\\([a-zA-Z.()]+, )\"([a-z0-9_.]+)\"");
        List<String> missing = new ArrayList<>();
        for (Path dir : List.of(JTE, PAGES))
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Matcher m = named.matcher(Files.readString(f));
                    while (m.find()) if (!m.group(1).endsWith(".") && !en.containsKey(m.group(1))) missing.add(f.getFileName() + ": " + m.group(1));
                }
            }
        assertEquals(List.of(), missing);
    }

    static Properties bundle(String name) throws Exception {
        Properties p = new Properties();
        try (var in = TemplatesTest.class.getResourceAsStream("/messages/" + name)) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }

    /** The text a template writes as it stands: its code, comments and tags taken out, its content blocks kept. */
    static String literalText(String template) {
        String s = template.replaceAll("(?s)<%--.*?--%>", " ").replaceAll("(?m)^\\s*@(param|import)\\b.*$", " ");
        StringBuilder out = new StringBuilder();
        text(s, 0, out, false);
        return out.toString().replaceAll("(?s)<[^>]*>", " ").replaceAll("&[a-z]+;|&#\\d+;", " ");
    }

    /** Copies template text from {@code i} to {@code out}, skipping code; stops at a closing backtick when {@code inBlock}. */
    private static int text(String s, int i, StringBuilder out, boolean inBlock) {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (inBlock && c == '`') return i + 1;
            if ((c == '$' || c == '!') && s.startsWith("{", i + 1)) { i = skip(s, i + 1, '{', '}', out); continue; }
            if (s.startsWith("$unsafe{", i)) { i = skip(s, i + 7, '{', '}', out); continue; }
            if (c == '@') {
                Matcher m = Pattern.compile("@(template\\.[A-Za-z.]+|if|elseif|for|else|endif|endfor|raw|endraw)").matcher(s).region(i, s.length());
                if (m.lookingAt()) {
                    i = m.end();
                    if (i < s.length() && s.charAt(i) == '(') i = skip(s, i, '(', ')', out);
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return i;
    }

    /** Skips code from an opening delimiter at {@code i} to its match (strings skipped whole), keeping the text of content blocks inside it. */
    private static int skip(String s, int i, char open, char close, StringBuilder out) {
        int depth = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '"') {
                i++;
                while (i < s.length() && s.charAt(i) != '"') i += s.charAt(i) == '\\' ? 2 : 1;
                i++;
                continue;
            }
            if (c == '@' && s.startsWith("`", i + 1)) { i = text(s, i + 2, out, true); continue; }
            if (c == open) depth++;
            if (c == close && --depth == 0) return i + 1;
            i++;
        }
        return i;
    }

    @Test
    void theCheckFindsAWordWrittenInATemplate() {
        assertTrue(literalText("@param Words t\n<p class=\"x\">${t.get(\"a\")} Hello</p>").contains("Hello"));
        assertTrue(literalText("@template.layout(t = t, content = @`<h1>${t.get(\"x\")}</h1> Stray`)").contains("Stray"));
        assertEquals("", literalText("@if(a.equals(\"b\"))<br>@endif").strip());
    }
}
