package uk.localoffer.server.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import uk.localoffer.store.ApiKeyRow;
import uk.localoffer.store.Store;
import uk.localoffer.upkeep.ApiKeys;

import java.time.Instant;
import java.util.concurrent.Callable;

/** API keys, one authority each: made (the key is printed once, never kept), listed and revoked. */
@Command(name = "keys", description = "API keys for authorities' own writes: create, list, revoke",
        subcommands = {KeysCommand.Create.class, KeysCommand.ListKeys.class, KeysCommand.Revoke.class})
final class KeysCommand implements Callable<Integer> {
    @ParentCommand LocalOffer root;

    @Override
    public Integer call() {
        throw new UsageException("say keys create, keys list or keys revoke");
    }

    @Command(name = "create", description = {"make a key for an authority; the key is the last line printed, shown only this once",
            "(the store keeps only a salted hash of it)"})
    static final class Create implements Callable<Integer> {
        @ParentCommand KeysCommand keys;
        @Mixin DataDir data;
        @Option(names = "--authority", paramLabel = "GSS", required = true, description = "the authority whose records the key may write") String authority;
        @Option(names = "--name", paramLabel = "NAME", required = true, description = "who holds it, e.g. \"Liverpool web team\"") String name;

        @Override
        public Integer call() {
            try (Store store = data.openLoadedStore()) {
                ApiKeys.Created c;
                try {
                    c = new ApiKeys(store, keys.root.clock).create(authority, name);
                } catch (IllegalArgumentException e) {
                    throw new UsageException(e.getMessage());
                }
                var out = keys.root.out;
                out.println("made key " + c.row().id() + " (\"" + c.row().name() + "\") for " + store.authority(authority).orElseThrow().name() + " (" + authority + ")");
                out.println("it writes only " + authority + "'s records; send it as Authorization: Bearer KEY");
                out.println("keep it now: it is shown only this once (revoke it with: keys revoke " + c.row().id() + ")");
                out.println(c.key());
            }
            return 0;
        }
    }

    @Command(name = "list", description = "every key: id, authority, name, made, last write, revoked")
    static final class ListKeys implements Callable<Integer> {
        @ParentCommand KeysCommand keys;
        @Mixin DataDir data;

        @Override
        public Integer call() {
            try (Store store = data.openStore()) {
                var out = keys.root.out;
                out.printf("%-16s  %-9s  %-20s  %-20s  %-20s  %s%n", "id", "authority", "made", "last write", "revoked", "name");
                for (ApiKeyRow k : new ApiKeys(store, keys.root.clock).list())
                    out.printf("%-16s  %-9s  %-20s  %-20s  %-20s  %s%n", k.id(), k.authority(), day(k.createdAt()), day(k.lastUsed()), day(k.revokedAt()), k.name());
            }
            return 0;
        }

        private static String day(Instant i) { return i == null ? "-" : i.toString().substring(0, 19).replace('T', ' '); }
    }

    @Command(name = "revoke", description = "revoke a key at once: a running server refuses it from its next request")
    static final class Revoke implements Callable<Integer> {
        @ParentCommand KeysCommand keys;
        @Mixin DataDir data;
        @Parameters(paramLabel = "ID", description = "the key's id (keys list shows it)") String id;

        @Override
        public Integer call() {
            try (Store store = data.openStore()) {
                if (!new ApiKeys(store, keys.root.clock).revoke(id)) {
                    keys.root.err.println("error: no key has id '" + id + "', or it was revoked already");
                    return 1;
                }
                keys.root.out.println("revoked key " + id);
            }
            return 0;
        }
    }
}
