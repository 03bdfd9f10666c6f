package uk.localoffer.server.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine;

import java.io.PrintStream;
import java.time.Clock;
import java.util.concurrent.Callable;

/** The operator's command line ({@code ./local-offer}): one subcommand a class, each with --data-dir. */
@Command(name = "local-offer", mixinStandardHelpOptions = false, usageHelpAutoWidth = true,
        description = "The care leaver local offer directory: import, serve, stats, export, coverage, evaluate, keys and audit.",
        subcommands = {ImportCommand.class, ServeCommand.class, StatsCommand.class, ExportCommand.class, CoverageCommand.class,
                EvaluateCommand.class, KeysCommand.class, AuditCommand.class, CommandLine.HelpCommand.class},
        footer = "every command: --data-dir DIR (default ./var)")
public final class LocalOffer implements Callable<Integer> {
    /** Where commands write what they report, and what errors go to. */
    final PrintStream out, err;
    /** What "today" is for the commands. */
    final Clock clock;

    public LocalOffer(PrintStream out, PrintStream err, Clock clock) {
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        throw new UsageException("no command given");
    }
}
