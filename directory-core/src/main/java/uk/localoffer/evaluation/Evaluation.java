package uk.localoffer.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import uk.localoffer.domain.Service;
import uk.localoffer.match.MatchResult;
import uk.localoffer.match.Matcher;
import uk.localoffer.match.Profile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Judged PA scenarios over the default dataset, and the two measures of the ranking:
 * precision@5 (how many of the first five are relevant) and nDCG@10 (graded relevance,
 * discounted by position, against the best possible order).
 *
 * <p>A judgement names a service by "source:source_id"; grades are 1 (useful) to 3 (the one
 * to try first).
 */
public final class Evaluation {
    /** {@code notRelevant}: services judged not relevant on purpose (ignored by the measures, counted apart). */
    public record Scenario(String id, String description, JsonNode profile, Map<String, Integer> judgements, Set<String> notRelevant) { }

    /** {@code notRelevantInTop5}: how many of the first five were judged not relevant on purpose. */
    public record Outcome(String id, double precisionAt5, double ndcgAt10, List<String> top, int notRelevantInTop5) { }

    /** {@code notRelevantInTop5}: over all scenarios, how many of the first fives were judged not relevant on purpose. */
    public record Summary(List<Outcome> outcomes, double meanPrecisionAt5, double meanNdcgAt10, int notRelevantInTop5) { }

    private Evaluation() { }

    public static List<Scenario> scenarios(JsonNode root) {
        List<Scenario> out = new ArrayList<>();
        for (JsonNode s : root.path("scenarios")) {
            Map<String, Integer> judged = new LinkedHashMap<>();
            s.path("relevant").fields().forEachRemaining(e -> judged.put(e.getKey(), e.getValue().asInt()));
            Set<String> notRelevant = new LinkedHashSet<>();
            s.path("not_relevant").forEach(n -> notRelevant.add(n.asText()));
            out.add(new Scenario(s.path("id").asText(), s.path("description").asText(), s.path("profile"), judged, notRelevant));
        }
        return out;
    }

    public static String key(Service s) {
        return s.provenance().source() + ":" + s.provenance().sourceId();
    }

    /**
     * Runs every scenario through the matcher and measures its first ten results.
     *
     * @param profiles reads a scenario's profile (written as a POST /api/v1/match body)
     */
    public static Summary run(Matcher matcher, List<Scenario> scenarios, Function<JsonNode, Profile> profiles) {
        List<Outcome> outcomes = new ArrayList<>();
        for (Scenario sc : scenarios) {
            MatchResult r = matcher.match(profiles.apply(sc.profile()), 10, false);
            List<String> ranked = r.results().stream().map(x -> key(x.service())).toList();
            int wrong = (int) ranked.stream().limit(5).filter(sc.notRelevant()::contains).count();
            outcomes.add(new Outcome(sc.id(), precisionAt(ranked, sc.judgements(), 5), ndcgAt(ranked, sc.judgements(), 10), ranked, wrong));
        }
        double p = outcomes.stream().mapToDouble(Outcome::precisionAt5).average().orElse(0);
        double n = outcomes.stream().mapToDouble(Outcome::ndcgAt10).average().orElse(0);
        return new Summary(outcomes, p, n, outcomes.stream().mapToInt(Outcome::notRelevantInTop5).sum());
    }

    static double precisionAt(List<String> ranked, Map<String, Integer> judged, int k) {
        int hits = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) if (judged.getOrDefault(ranked.get(i), 0) > 0) hits++;
        return hits / (double) k;
    }

    static double ndcgAt(List<String> ranked, Map<String, Integer> judged, int k) {
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) dcg += gain(judged.getOrDefault(ranked.get(i), 0)) / log2(i + 2);
        List<Integer> ideal = judged.values().stream().filter(g -> g > 0).sorted((a, b) -> b - a).toList();
        double idcg = 0;
        for (int i = 0; i < Math.min(k, ideal.size()); i++) idcg += gain(ideal.get(i)) / log2(i + 2);
        return idcg == 0 ? 0 : dcg / idcg;
    }

    private static double gain(int grade) { return Math.pow(2, grade) - 1; }

    private static double log2(double x) { return Math.log(x) / Math.log(2); }
}
