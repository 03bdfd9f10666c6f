package uk.localoffer.server.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import uk.localoffer.geo.PostcodeTable;
import uk.localoffer.importer.DataFiles;
import uk.localoffer.importer.ImportProblem;
import uk.localoffer.importer.ImportReport;
import uk.localoffer.importer.Importer;
import uk.localoffer.oruk.OrukSchemas;
import uk.localoffer.store.Store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "import", description = {"load the default dataset (no files), or services/entitlements CSV files",
        "or Open Referral UK 3.0 JSON (checked against the ORUK schemas in the program)"})
final class ImportCommand implements Callable<Integer> {
    @ParentCommand LocalOffer root;
    @Mixin DataDir data;
    @Parameters(paramLabel = "FILES", arity = "0..*", description = "CSV or ORUK JSON files; none: the default dataset") List<Path> files = List.of();
    @Option(names = "--source", paramLabel = "NAME", description = "source name for the files (default: each file's name)") String source;
    @Option(names = "--dry-run", description = "report what would change, change nothing") boolean dryRun;
    @Option(names = "--with-examples", description = "also load the illustrative example records (invented; marked on every page and answer)")
    boolean withExamples;

    @Option(names = "--no-wait", description = {"when another import into the same data directory is running, stop at once",
            "(exit status 1) instead of waiting for it to finish"})
    boolean noWait;

    @Override
    public Integer call() throws Exception {
        try (Store store = data.openStore()) {
            Importer importer = new Importer(store, root.out, root.clock).waitingAtMost(noWait ? Duration.ZERO : Duration.ofHours(1));
            ImportReport report;
            if (files.isEmpty()) {
                report = importer.importDefault(DataFiles.embedded(), new Importer.DefaultOptions(dryRun, false, withExamples));
                report.note("postcode table: " + PostcodeTable.embedded().size() + " Great Britain postcodes, placed to the postcode");
            } else {
                OrukSchemas schemas = files.stream().anyMatch(f -> f.toString().endsWith(".json")) ? OrukSchemas.embedded() : null;
                report = importer.importFiles(files, source, Importer.vocabulary(DataFiles.embedded()), schemas, dryRun);
            }
            for (ImportProblem p : report.problems()) root.err.println(p);
            for (String n : report.notes()) root.out.println(n);
            report.changes().forEach((what, c) -> root.out.println((dryRun ? "would change " : "") + what + ": " + c));
            if (dryRun) root.out.println("dry run: nothing was changed");
        }
        return 0;
    }
}
