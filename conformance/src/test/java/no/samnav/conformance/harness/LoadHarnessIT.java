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

        LoadHarness.Figures gateway = harness.gateway();

        assertThat(gateway.problems()).isEmpty();
        assertThat(gateway.paced().count()).isEqualTo(60);
        assertThat(gateway.delivered()).isGreaterThan(60);
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
