package no.samnav.gateway.reload;

import java.io.IOException;
import java.nio.file.Path;
import no.samnav.gateway.config.SamnavProperties;
import no.samnav.gateway.registry.InvalidCooperationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * With {@code samnav.reload.watch=true}: reloads the cooperation file when a {@code .yml} or
 * {@code .yaml} file in its folder (the cooperation file itself, a GP-list file beside it) changes.
 * An invalid file is logged and changes nothing, as with {@code POST /api/registry/reload}.
 */
@Component
@EnableConfigurationProperties(ReloadProperties.class)
public class CooperationFileWatch implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CooperationFileWatch.class);

    private final String cooperationFile;
    private final ReloadProperties reload;
    private final ReloadService service;
    private FolderWatcher watcher;

    @Autowired
    public CooperationFileWatch(SamnavProperties properties, ReloadProperties reload, ReloadService service) {
        this(properties.cooperationFile(), reload, service);
    }

    CooperationFileWatch(String cooperationFile, ReloadProperties reload, ReloadService service) {
        this.cooperationFile = cooperationFile;
        this.reload = reload;
        this.service = service;
    }

    @Override
    public synchronized void start() {
        String file = cooperationFile;
        if (!reload.watch()) return;
        if (file == null || file.isBlank()) {
            log.warn("samnav.reload.watch is on, but the bundled demo cooperation is in use: nothing to watch");
            return;
        }
        Path folder = Path.of(file).toAbsolutePath().getParent();
        try {
            watcher = new FolderWatcher(folder, name -> name.endsWith(".yml") || name.endsWith(".yaml"),
                    reload.quietPeriod(), this::reload);
        } catch (IOException e) {
            throw new IllegalStateException("cannot watch " + folder + ": " + e.getMessage(), e);
        }
        watcher.start();
        log.info("watching {} for changes of the cooperation file", folder);
    }

    private void reload() {
        try {
            service.reload();
        } catch (InvalidCooperationException e) {
            log.warn("the changed cooperation file is invalid; the configuration in force stays: {}", e.getMessage());
        } catch (Exception e) {
            log.error("reloading the changed cooperation file failed: {}", e.getMessage(), e);
        }
    }

    @Override
    public synchronized void stop() {
        if (watcher == null) return;
        try {
            watcher.close();
        } catch (IOException e) {
            log.warn("closing the watch of the cooperation file: {}", e.getMessage());
        }
        watcher = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return watcher != null;
    }
}
