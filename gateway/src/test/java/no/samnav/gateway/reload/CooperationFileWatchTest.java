package no.samnav.gateway.reload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockingDetails;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import no.samnav.gateway.registry.InvalidCooperationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CooperationFileWatchTest {

    @Test
    void aChangedCooperationFileIsReloadedAndAnInvalidOneKeepsTheWatchRunning(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("cooperation.yml");
        Files.writeString(file, "participants: []\n");
        ReloadService service = mock(ReloadService.class);
        when(service.reload()).thenThrow(new InvalidCooperationException("the cooperation file lists no participants"))
                .thenReturn(null);
        CooperationFileWatch watch = new CooperationFileWatch(file.toString(),
                new ReloadProperties(true, Duration.ofMillis(200)), service);
        watch.start();
        try {
            assertThat(watch.isRunning()).isTrue();
            Files.writeString(file, "participants: []\n# edited\n");
            await().atMost(Duration.ofSeconds(10)).until(() -> mockingDetails(service).getInvocations().size() == 1);
            Files.writeString(file, "participants: []\n# edited again\n");
            await().atMost(Duration.ofSeconds(10)).until(() -> mockingDetails(service).getInvocations().size() == 2);
            verify(service, atLeast(2)).reload();
        } finally {
            watch.stop();
        }
        assertThat(watch.isRunning()).isFalse();
    }

    @Test
    void noWatchUnlessSwitchedOnOrForTheBundledDemo(@TempDir Path dir) {
        ReloadService service = mock(ReloadService.class);
        CooperationFileWatch off = new CooperationFileWatch(dir.resolve("c.yml").toString(),
                new ReloadProperties(null, null), service);
        off.start();
        assertThat(off.isRunning()).isFalse();
        CooperationFileWatch demo = new CooperationFileWatch("", new ReloadProperties(true, null), service);
        demo.start();
        assertThat(demo.isRunning()).isFalse();
    }
}
