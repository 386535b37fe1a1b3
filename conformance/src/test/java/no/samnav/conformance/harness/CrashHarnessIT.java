package no.samnav.conformance.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small crash run in every build: the packaged gateway in its own JVM, 300 notes between the
 * demo participants, one clean stop and start under traffic (which compacts the embedded store),
 * then three kill -9 at random points and restarts (which do not); every note reaches its receiver
 * exactly once and every sender gets its AppRec exactly once, in its own version. N and K can be
 * raised with {@code -Dsamnav.harness.messages} and {@code -Dsamnav.harness.kills}.
 */
class CrashHarnessIT {

    @TempDir
    Path dataDir;

    @Test
    void noNoteIsLostOrDoubledAcrossKillsOfTheGateway() throws Exception {
        CrashHarness harness = new CrashHarness(Integer.getInteger("samnav.harness.messages", 300),
                Integer.getInteger("samnav.harness.kills", 3),
                Double.parseDouble(System.getProperty("samnav.harness.rate", "100")),
                Long.getLong("samnav.harness.seed", System.nanoTime()), dataDir, HarnessFiles.gatewayJar(),
                HarnessFiles.sample(), List.of("-Xmx512m"), "100ms");

        CrashHarness.Result result = harness.run();

        System.out.println(result.summary());
        assertThat(result.problems()).as(result.summary()).isEmpty();
        assertThat(result.delivered()).isEqualTo(result.messages());
        assertThat(result.appRecsBack()).isEqualTo(result.messages());
        assertThat(result.filesRead()).isEqualTo(2L * result.messages());
        // the first start, the clean restart and one restart per kill
        assertThat(result.restarts()).hasSize(result.kills() + 2);
        assertThat(result.compactions()).as("the start after the clean stop compacts the store").isEqualTo(1);
        assertThat(result.recoveries()).as("every start after a kill looks for transactions the kill interrupted")
                .isEqualTo(result.kills());
    }
}
