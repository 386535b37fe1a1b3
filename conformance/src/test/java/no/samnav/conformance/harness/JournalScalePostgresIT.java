package no.samnav.conformance.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small instance of the shared journal benchmark on PostgreSQL (the large one is in
 * docs/benchmarks.md): 20,000 documents for 1,000 patients through the packaged gateway. It checks
 * that every ITI-67 search finds exactly the patient's documents and every ITI-68 retrieve the
 * content, never a speed.
 */
class JournalScalePostgresIT {

    @TempDir
    Path workDir;

    @Test
    void everySearchOfASmallJournalFindsThePatientsDocuments() throws Exception {
        String url = System.getProperty("samnav.test.postgres-url");
        if (url == null || url.isBlank()) url = System.getenv("SAMNAV_TEST_POSTGRES_URL");
        assertThat(url).as("SAMNAV_TEST_POSTGRES_URL (.ci/run sets it up)").isNotBlank();

        JournalScaleBenchmark.Figures figures = new JournalScaleBenchmark(workDir, HarnessFiles.gatewayJar(),
                HarnessFiles.sample(), url, System.getenv("SAMNAV_TEST_PG_USER"), System.getenv("SAMNAV_TEST_PG_PASSWORD"),
                20_000, 1_000, 200).run();

        assertThat(figures.problems()).isEmpty();
        assertThat(figures.find().count()).isEqualTo(200);
        assertThat(figures.retrieve().count()).isEqualTo(200);
    }
}
