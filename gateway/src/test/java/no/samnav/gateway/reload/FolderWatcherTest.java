package no.samnav.gateway.reload;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderWatcherTest {

    @Test
    void severalQuickWritesOfAYamlFileCauseOneCallAndOtherFilesNone(@TempDir Path dir) throws IOException {
        AtomicInteger calls = new AtomicInteger();
        Path yaml = dir.resolve("cooperation.yml");
        Files.writeString(yaml, "name: a\n");
        try (FolderWatcher watcher = new FolderWatcher(dir, n -> n.endsWith(".yml"), Duration.ofMillis(300),
                calls::incrementAndGet)) {
            watcher.start();
            Files.writeString(dir.resolve("notes.txt"), "not watched");
            Files.writeString(yaml, "name: b\n");
            Files.writeString(yaml, "name: c\n");
            Files.writeString(yaml, "name: d\n");
            await().atMost(Duration.ofSeconds(10)).until(() -> calls.get() == 1);
            await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(2)).until(() -> calls.get() == 1);

            Files.writeString(dir.resolve("gp-list.yml"), "entries: []\n");
            await().atMost(Duration.ofSeconds(10)).until(() -> calls.get() == 2);
        }
    }
}
