package uk.localoffer.server.web;

import uk.localoffer.directory.Directory;
import uk.localoffer.store.Store;

import java.util.concurrent.CountDownLatch;

/**
 * A running server and what it holds open: the store, the directory, the web app and the
 * reload watcher. Stopped in the reverse order, once, on shutdown; {@link #awaitStop} waits for it.
 */
public final class ServerLifecycle {
    private final Store store;
    private final Directory directory;
    private final DirectoryApp app;
    private final ReloadWatcher watcher;
    private final CountDownLatch stopped = new CountDownLatch(1);

    public ServerLifecycle(Store store, Directory directory, DirectoryApp app, ReloadWatcher watcher) {
        this.store = store;
        this.directory = directory;
        this.app = app;
        this.watcher = watcher;
    }

    /** Stops everything when the JVM is asked to stop (Ctrl+C, SIGTERM). */
    public ServerLifecycle stopOnShutdown() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "server-shutdown"));
        return this;
    }

    public synchronized void stop() {
        if (stopped.getCount() == 0) return;
        watcher.close();
        app.stop();
        directory.close();
        store.close();
        stopped.countDown();
    }

    /** Waits until the server is stopped; 0, the exit status. */
    public int awaitStop() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
