package uk.localoffer.server.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.localoffer.directory.Directory;
import uk.localoffer.store.Store;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Watches the store for imports committed by other processes and swaps in a rebuilt index. */
public final class ReloadWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReloadWatcher.class);

    private final Store store;
    private final Directory directory;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "reload-after-import");
        t.setDaemon(true);
        return t;
    });
    private long seen;

    private ReloadWatcher(Store store, Directory directory) {
        this.store = store;
        this.directory = directory;
        this.seen = store.latestImportRun();
    }

    /** Checks every {@code seconds} seconds. */
    public static ReloadWatcher start(Store store, Directory directory, long seconds) {
        ReloadWatcher w = new ReloadWatcher(store, directory);
        w.timer.scheduleWithFixedDelay(w::check, seconds, seconds, TimeUnit.SECONDS);
        return w;
    }

    /** Reloads when an import run newer than the last one seen has been committed. */
    void check() {
        try {
            long latest = store.latestImportRun();
            if (latest != seen) {
                directory.reload();
                seen = latest;
                LOG.info("reloaded after import run {}: {} services", latest, directory.services().size());
            }
        } catch (RuntimeException e) {
            LOG.warn("reload failed; still serving the previous index: {}", e.getMessage());
        }
    }

    @Override
    public void close() { timer.shutdownNow(); }
}
