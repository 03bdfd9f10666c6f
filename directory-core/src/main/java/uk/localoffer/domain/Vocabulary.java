package uk.localoffer.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The controlled codes (needs, statuses, circumstances, thresholds, deliveries, urgencies) with labels. */
public final class Vocabulary {
    public record Term(String kind, String code, String parent, String labelEn, String labelCy) {
        public String label(String lang) {
            return "cy".equals(lang) && labelCy != null && !labelCy.isBlank() ? labelCy : labelEn;
        }
    }

    private final Map<String, Map<String, Term>> byKind = new LinkedHashMap<>();

    public Vocabulary(List<Term> terms) {
        for (Term t : terms) byKind.computeIfAbsent(t.kind(), k -> new LinkedHashMap<>()).put(t.code(), t);
    }

    public boolean has(String kind, String code) {
        return byKind.getOrDefault(kind, Map.of()).containsKey(code);
    }

    public Term term(String kind, String code) {
        return byKind.getOrDefault(kind, Map.of()).get(code);
    }

    public List<Term> terms(String kind) {
        return List.copyOf(byKind.getOrDefault(kind, Map.of()).values());
    }

    public String label(String kind, String code, String lang) {
        Term t = term(kind, code);
        return t == null ? code : t.label(lang);
    }

    public List<String> codes(String kind) {
        return Collections.unmodifiableList(new ArrayList<>(byKind.getOrDefault(kind, Map.of()).keySet()));
    }

    /** The need code and its children (a top-level area covers its finer needs). */
    public List<String> needAndChildren(String need) {
        List<String> out = new ArrayList<>(List.of(need));
        for (Term t : terms("need")) if (need.equals(t.parent())) out.add(t.code());
        return out;
    }

    /** The top-level local-offer area a need belongs to. */
    public String areaOf(String need) {
        Term t = term("need", need);
        return t == null || t.parent() == null || t.parent().isBlank() ? need : t.parent();
    }

    /** Threshold rank: 0 lowest (self-referral) to 3 highest (clinical assessment); -1 unknown. */
    public int thresholdRank(String code) {
        return code == null ? -1 : codes("threshold").indexOf(code);
    }
}
