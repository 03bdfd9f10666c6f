package uk.localoffer.server.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.localoffer.directory.Directory;
import uk.localoffer.evaluation.Evaluation;
import uk.localoffer.importer.DataFiles;
import uk.localoffer.importer.Importer;
import uk.localoffer.match.Weights;
import uk.localoffer.store.Store;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The judged scenarios over the default dataset, run as `evaluate` runs them (each profile read
 * as a POST /api/v1/match body): floors just under the figures measured after issue 14
 * (docs/ranking.md), and for the behaviour set a ceiling on the services judged not relevant on
 * purpose that reach a first five. A change that crosses one needs a look.
 */
class EvaluationFloorsTest {
    @TempDir Path dir;

    Evaluation.Summary run(String file, int atLeast) throws Exception {
        List<Evaluation.Scenario> scenarios;
        try (var in = EvaluationFloorsTest.class.getResourceAsStream("/default-data/evaluation/" + file)) {
            scenarios = Evaluation.scenarios(uk.localoffer.server.http.JsonBody.MAPPER.readTree(in));
        }
        assertTrue(scenarios.size() >= atLeast, file + ": " + scenarios.size() + " scenarios");
        try (Store store = Store.open(dir.resolve(file).resolve("directory.sqlite"))) {
            new Importer(store).importDefault(DataFiles.embedded(), Importer.DefaultOptions.everything());
            try (Directory directory = DataDir.openDirectory(store, dir.resolve(file), Weights.DEFAULT, Clock.systemDefaultZone())) {
                for (Evaluation.Scenario s : scenarios)
                    for (String key : s.judgements().keySet())
                        assertTrue(directory.services().values().stream().anyMatch(x -> Evaluation.key(x).equals(key)), s.id() + " judges unknown " + key);
                return EvaluateCommand.run(directory, scenarios);
            }
        }
    }

    @Test
    void theJudgedPaScenariosStillRankWell() throws Exception {
        Evaluation.Summary summary = run("pa-scenarios.json", 30);
        assertTrue(summary.meanPrecisionAt5() >= 0.82, "precision@5 " + summary.meanPrecisionAt5());
        assertTrue(summary.meanNdcgAt10() >= 0.74, "nDCG@10 " + summary.meanNdcgAt10());
    }

    @Test
    void theBehaviourScenariosStillRankWell() throws Exception {
        Evaluation.Summary summary = run("pa-scenarios-trust.json", 20);
        assertTrue(summary.meanPrecisionAt5() >= 0.74, "precision@5 " + summary.meanPrecisionAt5());
        assertTrue(summary.meanNdcgAt10() >= 0.72, "nDCG@10 " + summary.meanNdcgAt10());
        assertTrue(summary.notRelevantInTop5() <= 3, "services judged not relevant in a first five: " + summary.notRelevantInTop5());
    }
}
