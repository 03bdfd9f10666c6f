package uk.localoffer.server.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import uk.localoffer.store.Ledger;
import uk.localoffer.store.Store;

import java.util.concurrent.Callable;

/** The audit of authorities' writes, newest first: time, key, action, kind and record id (never contents). */
@Command(name = "audit", description = "the writes made with authorities' keys, newest first (ids only, never contents)")
final class AuditCommand implements Callable<Integer> {
    @ParentCommand LocalOffer root;
    @Mixin DataDir data;
    @Option(names = "--authority", paramLabel = "GSS", description = "only this authority's") String authority;
    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "at most N lines (default ${DEFAULT-VALUE})") int limit;

    @Override
    public Integer call() {
        if (limit < 1) throw new UsageException("--limit must be 1 or more, got " + limit);
        try (Store store = data.openStore()) {
            for (Ledger.AuditRow a : store.ledger().audit(authority, limit))
                root.out.printf("%s  key %s (%s, %s)  %s %s %s%n", a.at(), a.keyId(), a.keyName(), a.authority(), a.action(), a.kind(), a.recordId());
        }
        return 0;
    }
}
