package uk.localoffer.evaluation;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The measures of the ranking; the judged scenarios are run by search-server's EvaluationFloorsTest, as `evaluate` runs them. */
class EvaluationTest {
    @Test
    void theMeasuresScoreAPerfectRankingOneAndAnUnjudgedOneZero() {
        Map<String, Integer> judged = Map.of("a", 3, "b", 2, "c", 1);
        assertEquals(1.0, Evaluation.ndcgAt(List.of("a", "b", "c", "x"), judged, 10), 1e-9);
        assertEquals(0.6, Evaluation.precisionAt(List.of("a", "b", "c", "x", "y"), judged, 5), 1e-9);
        assertEquals(0.0, Evaluation.ndcgAt(List.of("x", "y"), judged, 10), 1e-9);
        assertTrue(Evaluation.ndcgAt(List.of("c", "b", "a"), judged, 10) < 1.0, "a worse order scores less");
    }
}
