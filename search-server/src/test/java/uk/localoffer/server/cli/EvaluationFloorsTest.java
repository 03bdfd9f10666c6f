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
 * as a POST /api/v1/match body): floors just under the figures measured when each set was first
 * run (docs/ranking.md). A change that drops below one needs a look.
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
        assertTrue(summary.meanPrecisionAt5() >= 0.62, "precision@5 " + summary.meanPrecisionAt5());
        assertTrue(summary.meanNdcgAt10() >= 0.61, "nDCG@10 " + summary.meanNdcgAt10());
    }

    @Test
    void theBehaviourScenariosStillRankWell() throws Exception {
        Evaluation.Summary summary = run("pa-scenarios-trust.json", 20);
        assertTrue(summary.meanPrecisionAt5() >= 0.50, "precision@5 " + summary.meanPrecisionAt5());
        assertTrue(summary.meanNdcgAt10() >= 0.57, "nDCG@10 " + summary.meanNdcgAt10());
    }
}
