package uk.localoffer.server.api;

import uk.localoffer.domain.Freshness;
import uk.localoffer.domain.Provenance;
import uk.localoffer.directory.Directory;
import uk.localoffer.server.text.SourceText;

import java.util.LinkedHashMap;
import java.util.Map;

/** Where a fact comes from, as answers and pages show it: "From Surrey County Council's page, updated April 2024". */
public final class SourceJson {
    private SourceJson() { }

    public static Map<String, Object> of(Provenance p, Freshness f, Directory directory, String lang) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("url", p.sourceUrl());
        m.put("publisher", p.sourceUrl() == null ? null : SourceText.publisher(p.sourceUrl(), directory));
        m.put("page_date", p.pageDate() == null ? null : p.pageDate().toString());
        m.put("recorded", p.recorded() == null ? null : p.recorded().toString());
        m.put("last_verified", p.lastVerified() == null ? null : p.lastVerified().toString());
        m.put("stale", f.assuredOn() == null || f.stale(Freshness.OLD_MONTHS));
        m.put("stale_signs", f.signs());
        m.put("text", SourceText.of(p, directory, lang));
        return m;
    }
}
