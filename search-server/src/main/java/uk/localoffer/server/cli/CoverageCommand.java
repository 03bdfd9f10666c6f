package uk.localoffer.server.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import uk.localoffer.store.Coverage;
import uk.localoffer.store.Store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

@Command(name = "coverage", description = "what the sourced dataset holds per authority, as Markdown (docs/data-coverage.md)")
final class CoverageCommand implements Callable<Integer> {
    @ParentCommand LocalOffer root;
    @Mixin DataDir data;
    @Option(names = "--out", paramLabel = "FILE", description = "write it here (default: print it)") Path file;

    @Override
    public Integer call() throws Exception {
        try (Store store = data.openStore()) {
            LocalDate today = LocalDate.now(root.clock);
            Coverage c = store.coverage(today);
            String md = CoverageReport.markdown(c, c.figures(), today);
            if (file == null) root.out.print(md);
            else {
                Files.writeString(file, md);
                root.out.println("wrote " + file);
            }
        }
        return 0;
    }
}
