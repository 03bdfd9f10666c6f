package uk.localoffer.server.cli;

import picocli.CommandLine.Option;
import uk.localoffer.match.Weights;

/** --stale-months N: records not checked for N months count as stale (docs/ranking.md). */
final class StaleMonths {
    @Option(names = "--stale-months", paramLabel = "N", description = "records not checked for N months are flagged as stale (default 24)")
    Integer months;

    Weights weights() {
        if (months == null) return Weights.DEFAULT;
        try {
            return Weights.DEFAULT.withStaleMonths(months);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--stale-months must be a whole number from 1 to 120, got '" + months + "'");
        }
    }
}
