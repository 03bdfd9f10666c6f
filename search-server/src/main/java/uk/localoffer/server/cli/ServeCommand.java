package uk.localoffer.server.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import uk.localoffer.directory.Directory;
import uk.localoffer.geo.PostcodeTable;
import uk.localoffer.server.web.DirectoryApp;
import uk.localoffer.server.web.ReloadWatcher;
import uk.localoffer.server.web.ServerLifecycle;
import uk.localoffer.store.Store;

import java.util.concurrent.Callable;

@Command(name = "serve", description = {"serve the API and pages",
        "(an import while serving is picked up within seconds: the index is rebuilt and swapped;",
        "a write with an authority's key is served before its answer)"})
final class ServeCommand implements Callable<Integer> {
    /** How often the store is checked for changes made by other processes (an operator's import). */
    static final long RELOAD_CHECK_MILLIS = 1000;

    @ParentCommand LocalOffer root;
    @Mixin DataDir data;
    @Mixin StaleMonths stale;
    @Option(names = "--port", paramLabel = "N", defaultValue = "8080", description = "the port (default ${DEFAULT-VALUE})") int port;
    @Option(names = "--host", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = {"the address to listen on (default 127.0.0.1, this computer only;", "0.0.0.0 for every network interface)"})
    String host;
    @Option(names = "--due-months", paramLabel = "N", defaultValue = "12",
            description = "records not checked with the provider for N months are due for checking (default ${DEFAULT-VALUE})")
    int dueMonths;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) throw new UsageException("--port must be a number from 0 to 65535, got '" + port + "'");
        if (dueMonths < 1 || dueMonths > 120) throw new UsageException("--due-months must be a whole number from 1 to 120, got '" + dueMonths + "'");
        var weights = stale.weights();
        Store store = data.openLoadedStore();
        long started = System.nanoTime();
        int postcodes = PostcodeTable.embedded().size();
        root.out.printf("postcode table: %,d postcodes loaded in %d ms%n", postcodes, (System.nanoTime() - started) / 1_000_000);
        Directory directory = DataDir.openDirectory(store, data.dir, weights, root.clock);
        DirectoryApp app = DirectoryApp.start(directory, host, port, dueMonths);
        root.out.println("serving " + directory.serviceCount() + " services on http://" + (host.equals("0.0.0.0") ? "localhost" : host) + ":" + app.port()
                + (host.equals("127.0.0.1") ? " (this computer only; --host 0.0.0.0 to serve the network)" : " (listening on " + host + ")"));
        return new ServerLifecycle(store, directory, app, ReloadWatcher.start(directory, RELOAD_CHECK_MILLIS)).stopOnShutdown().awaitStop();
    }
}
