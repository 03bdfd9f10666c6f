package uk.localoffer.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * One import at a time into a store: an exclusive lock on a file beside it ({@code
 * directory.sqlite.import-lock}), held from the import's first read of the store to its commit.
 * A second import waits for the first (saying so) or, when it may not wait that long, fails
 * saying another import is running; it never meets SQLite's busy timeout half-way through. The
 * operating system drops the lock when the process holding it dies, even by SIGKILL.
 */
public final class ImportLock implements AutoCloseable {
    /** Another import holds the lock, and waiting longer was not allowed. */
    public static final class BusyException extends StoreException {
        BusyException(String message) { super(message, null); }
    }

    /** Within one process the file lock cannot be taken twice, so imports there also queue on this. */
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final ReentrantLock local;
    private final FileChannel channel;
    private final FileLock lock;

    private ImportLock(ReentrantLock local, FileChannel channel, FileLock lock) {
        this.local = local;
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock file of the store at {@code storeFile}. */
    public static Path fileOf(Path storeFile) {
        return storeFile.resolveSibling(storeFile.getFileName() + ".import-lock");
    }

    /**
     * Takes the lock of the store at {@code storeFile}, waiting up to {@code wait} for another
     * import to finish; {@code waiting} hears once that it waits, and for whom.
     */
    public static ImportLock acquire(Path storeFile, Duration wait, Consumer<String> waiting, Clock clock) {
        Path file = fileOf(storeFile.toAbsolutePath().normalize());
        long deadline = System.nanoTime() + wait.toNanos();
        ReentrantLock local = IN_PROCESS.computeIfAbsent(file, f -> new ReentrantLock());
        boolean said = false;
        try {
            if (!local.tryLock()) {
                waiting.accept("another import into this store is running in this program; waiting for it to finish");
                said = true;
                if (!local.tryLock(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) throw busy(file, null);
            }
            try {
                Files.createDirectories(file.getParent());
                FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
                try {
                    while (true) {
                        FileLock lock = tryLock(channel);
                        if (lock != null) {
                            channel.truncate(0);
                            channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + " since " + clock.instant() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
                            return new ImportLock(local, channel, lock);
                        }
                        if (!said) {
                            waiting.accept("another import into this store is running (" + holder(file) + "); waiting for it to finish");
                            said = true;
                        }
                        if (System.nanoTime() > deadline) throw busy(file, holder(file));
                        Thread.sleep(100);
                    }
                } catch (IOException | InterruptedException | RuntimeException e) {
                    channel.close();
                    throw e;
                }
            } catch (IOException | InterruptedException | RuntimeException e) {
                local.unlock();
                throw e;
            }
        } catch (IOException e) {
            throw new StoreException("cannot take the import lock " + file + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy(file, null);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static BusyException busy(Path file, String holder) {
        return new BusyException("another import into this store is running" + (holder == null ? "" : " (" + holder + ")")
                + ": nothing was changed; run this import again when it has finished");
    }

    /** Who holds the lock, as its file says ("pid 123 since 2026-12-03T10:00:00Z"). */
    private static String holder(Path file) {
        try {
            String s = Files.readString(file).trim();
            return s.isEmpty() ? "another process" : s;
        } catch (IOException e) {
            return "another process";
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new StoreException("cannot release the import lock: " + e.getMessage(), e);
        } finally {
            local.unlock();
        }
    }
}
