package uk.localoffer.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import uk.localoffer.directory.Directory;
import uk.localoffer.evaluation.Evaluation;
import uk.localoffer.server.api.MatchRequest;
import uk.localoffer.server.http.JsonBody;
import uk.localoffer.store.Store;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "evaluate", description = "precision@5 and nDCG@10 over the judged PA scenarios")
final class EvaluateCommand implements Callable<Integer> {
    static final String EMBEDDED = "/default-data/evaluation/pa-scenarios.json";

    @ParentCommand LocalOffer root;
    @Mixin DataDir data;
    @Mixin StaleMonths stale;
    @Option(names = "--scenarios", paramLabel = "FILE", description = "scenarios JSON (default: the embedded data/evaluation/pa-scenarios.json)")
    Path file;

    @Override
    public Integer call() throws Exception {
        List<Evaluation.Scenario> scenarios = Evaluation.scenarios(scenarios(file));
        try (Store store = data.openStore()) {
            if (store.stats().services() == 0) throw new UsageException("the store in " + data.dir + " is empty: run 'import' first");
            // A private index, so a server using the same data folder is not disturbed.
            Path scratch = Files.createTempDirectory("evaluate");
            try (Directory directory = DataDir.openDirectory(store, scratch, stale.weights(), root.clock)) {
                print(run(directory, scenarios));
            }
        }
        return 0;
    }

    /** The scenarios, each profile read as the body of POST /api/v1/match is. */
    static Evaluation.Summary run(Directory directory, List<Evaluation.Scenario> scenarios) {
        return Evaluation.run(directory.matcher(), scenarios,
                json -> MatchRequest.parse(json, directory.vocabulary(), directory.authorities()::containsKey).profile());
    }

    static JsonNode scenarios(Path file) throws Exception {
        if (file != null) return JsonBody.MAPPER.readTree(file.toFile());
        try (InputStream in = EvaluateCommand.class.getResourceAsStream(EMBEDDED)) {
            if (in == null) throw new UsageException("the embedded scenarios are missing; pass --scenarios FILE");
            return JsonBody.MAPPER.readTree(in);
        }
    }

    private void print(Evaluation.Summary summary) {
        root.out.printf("%-40s %8s %8s %6s%n", "scenario", "P@5", "nDCG@10", "NR@5");
        for (Evaluation.Outcome o : summary.outcomes())
            root.out.printf("%-40s %8.3f %8.3f %6d%n", o.id(), o.precisionAt5(), o.ndcgAt10(), o.notRelevantInTop5());
        root.out.printf("%-40s %8.3f %8.3f %6d%n", "mean over " + summary.outcomes().size() + " scenarios", summary.meanPrecisionAt5(),
                summary.meanNdcgAt10(), summary.notRelevantInTop5());
        root.out.printf("precision@5 = %.3f%nnDCG@10 = %.3f%nnot relevant in the first five (NR@5, total) = %d%n", summary.meanPrecisionAt5(),
                summary.meanNdcgAt10(), summary.notRelevantInTop5());
    }
}
