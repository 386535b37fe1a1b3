package no.samnav.gateway.reload;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls {@code onChange} once a folder's matching files have changed and then stayed unchanged for
 * the quiet period, so an editor's several writes (or a write and a rename) cause one call.
 * Runs on its own daemon thread until closed.
 */
public final class FolderWatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FolderWatcher.class);

    private final Path folder;
    private final Predicate<String> fileName;
    private final long quietNanos;
    private final Runnable onChange;
    private final WatchService watch;
    private final Thread thread;

    public FolderWatcher(Path folder, Predicate<String> fileName, Duration quietPeriod, Runnable onChange)
            throws IOException {
        this.folder = folder;
        this.fileName = fileName;
        this.quietNanos = quietPeriod.toNanos();
        this.onChange = onChange;
        this.watch = FileSystems.getDefault().newWatchService();
        folder.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
        this.thread = new Thread(this::run, "samnav-watch-" + folder.getFileName());
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    private void run() {
        long lastChange = -1;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                WatchKey key = watch.poll(100, TimeUnit.MILLISECONDS);
                if (key != null) {
                    for (WatchEvent<?> event : key.pollEvents()) {
                        if (event.context() instanceof Path p && fileName.test(p.getFileName().toString())) {
                            lastChange = System.nanoTime();
                        } else if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                            lastChange = System.nanoTime();
                        }
                    }
                    key.reset();
                }
                if (lastChange >= 0 && System.nanoTime() - lastChange >= quietNanos) {
                    lastChange = -1;
                    try {
                        onChange.run();
                    } catch (RuntimeException e) {
                        log.error("reacting to a change in {} failed: {}", folder, e.getMessage());
                    }
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws IOException {
        thread.interrupt();
        watch.close();
    }
}
