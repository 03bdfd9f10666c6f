package uk.localoffer.server;

import picocli.CommandLine;
import uk.localoffer.importer.ImportFailedException;
import uk.localoffer.importer.ImportProblem;
import uk.localoffer.server.cli.LocalOffer;
import uk.localoffer.server.cli.UsageException;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Clock;

/**
 * The operator's command line ({@code ./local-offer}), parsed by picocli: one class a command in
 * {@code uk.localoffer.server.cli}. Exit status 0 when done, 1 when it failed, 2 when the command
 * line is wrong.
 */
public final class Main {
    private Main() { }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command line, writing to {@code out} and {@code err}; answers the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(new LocalOffer(out, err, Clock.systemDefaultZone()));
        cli.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        cli.setParameterExceptionHandler((e, arguments) -> usage(e.getCommandLine(), err, message(e)));
        cli.setExecutionExceptionHandler((e, command, parsed) -> failed(e, command, err));
        return cli.execute(args);
    }

    /** A wrong command line in plain words: an unknown command or option, a missing value. */
    private static String message(CommandLine.ParameterException e) {
        if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String first = u.getUnmatched().get(0);
            String command = e.getCommandLine().getCommandName();
            if (first.startsWith("-")) return "unknown option " + first + " for '" + command + "'";
            if (e.getCommandLine().getParent() == null) return "unknown command '" + first + "'";
            return "unexpected argument '" + first + "' for '" + command + "'";
        }
        return e.getMessage();
    }

    private static int usage(CommandLine command, PrintStream err, String message) {
        err.println("error: " + message);
        command.usage(err);
        return 2;
    }

    private static int failed(Exception e, CommandLine command, PrintStream err) {
        if (e instanceof UsageException) return usage(command, err, e.getMessage());
        if (e instanceof ImportFailedException f) {
            for (ImportProblem p : f.report().problems()) err.println(p);
            err.println(f.getMessage());
            return 1;
        }
        err.println("error: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
        if (System.getenv("LOCAL_OFFER_DEBUG") != null) e.printStackTrace(err);
        return 1;
    }
}
