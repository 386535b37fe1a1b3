package no.samnav.conformance.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Smoke runs of the load harness (file channels; the FHIR API) against the packaged gateway: a few seconds of closed-loop and
 * paced traffic. It checks correctness only (every note delivered once, in its receiver's version),
 * never a speed: the figures are a benchmark, recorded in docs/benchmarks.md.
 */
class LoadHarnessIT {

    @TempDir
    Path workDir;

    @Test
    void everyNoteOfAShortLoadRunIsDeliveredOnce() throws Exception {
        LoadHarness harness = new LoadHarness(workDir, HarnessFiles.gatewayJar(), HarnessFiles.sample(),
                List.of("-Xmx512m"), "10ms", 1, 3, 50, 20, 3);

        long startedUs = java.time.Instant.now().toEpochMilli() * 1000;
        LoadHarness.Figures gateway = harness.gateway();
        long endedUs = java.time.Instant.now().toEpochMilli() * 1000;

        assertThat(gateway.problems()).isEmpty();
        assertThat(gateway.paced().count()).isEqualTo(60);
        assertThat(gateway.delivered()).isGreaterThan(60);
        // the paced notes' times in wall-clock microseconds, to be set beside the store's timestamps
        List<String> notes = java.nio.file.Files.readAllLines(workDir.resolve("gateway").resolve("paced-notes.csv"));
        assertThat(notes.get(0)).isEqualTo("msg_id,handed_over_us,seen_us");
        assertThat(notes.subList(1, notes.size())).hasSize(60).allSatisfy(line -> {
            String[] fields = line.split(",");
            assertThat(java.util.UUID.fromString(fields[0])).isNotNull();
            assertThat(Long.parseLong(fields[1])).isBetween(startedUs, endedUs);
            assertThat(Long.parseLong(fields[2])).isGreaterThan(Long.parseLong(fields[1])).isLessThanOrEqualTo(endedUs);
        });
    }

    @Test
    void everyNoteSentThroughTheFhirApiInAShortLoadRunIsDeliveredOnce() throws Exception {
        LoadHarness harness = new LoadHarness(workDir, HarnessFiles.gatewayJar(), HarnessFiles.sample(),
                List.of("-Xmx512m"), "10ms", 1, 3, 50, 20, 3).withApiRate(10);

        LoadHarness.Figures api = harness.api();

        assertThat(api.problems()).isEmpty();
        assertThat(api.paced().count()).isEqualTo(30);
        // the paced notes and whatever the sustained seconds sent (few: the validator warms up then)
        assertThat(api.delivered()).isGreaterThanOrEqualTo(30);
    }

    @Test
    void theBaselineReceivesEverythingItSentOnOneStreamAndOnSeveral() throws Exception {
        LoadHarness harness = new LoadHarness(workDir, HarnessFiles.gatewayJar(), HarnessFiles.sample(),
                List.of(), "10ms", 1, 2, 50, 20, 2);

        LoadHarness.Figures one = harness.baseline(1, true);
        LoadHarness.Figures several = harness.baseline(7, false);

        assertThat(one.problems()).isEmpty();
        assertThat(one.paced().count()).isEqualTo(40);
        assertThat(several.problems()).isEmpty();
        assertThat(several.what()).isEqualTo("baseline, 7 streams");
        assertThat(several.delivered()).isGreaterThan(0);
    }
}
