package uk.localoffer.server.pages;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The pages' JTE templates (src/main/jte), compiled to Java at build time by jte-maven-plugin
 * into this package, HTML-escaping every value. A template takes the page's {@link Words} as
 * {@code t} and its own values by name.
 */
final class Templates {
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(null, ContentType.Html, Templates.class.getClassLoader(),
            Templates.class.getPackageName());

    private Templates() { }

    /** Renders {@code name} (e.g. "service.jte") with {@code t} and the other parameters, given as name, value pairs. */
    static String render(String name, Words t, Object... params) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("t", t);
        for (int i = 0; i < params.length; i += 2) p.put((String) params[i], params[i + 1]);
        StringOutput out = new StringOutput(16_384);
        ENGINE.render(name, p, out);
        return out.toString();
    }
}
