package uk.localoffer.server.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.localoffer.directory.Directory;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Watches the store for runs of changes committed by other processes (an operator's import, a
 * second server's writes) and swaps in a rebuilt index. Writes through this server's own API are
 * served before their answer; this catches everything else within a second or so.
 */
public final class ReloadWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReloadWatcher.class);

    private final Directory directory;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "reload-after-import");
        t.setDaemon(true);
        return t;
    });

    private ReloadWatcher(Directory directory) { this.directory = directory; }

    /** Checks every {@code millis} milliseconds. */
    public static ReloadWatcher start(Directory directory, long millis) {
        ReloadWatcher w = new ReloadWatcher(directory);
        w.timer.scheduleWithFixedDelay(w::check, millis, millis, TimeUnit.MILLISECONDS);
        return w;
    }

    /** Reloads when a run newer than the one the directory loaded has been committed. */
    void check() {
        try {
            if (directory.reloadIfChanged()) LOG.info("reloaded after run {}: {} services", directory.loadedRun(), directory.serviceCount());
        } catch (RuntimeException e) {
            LOG.warn("reload failed; still serving the previous index: {}", e.getMessage());
        }
    }

    @Override
    public void close() { timer.shutdownNow(); }
}
