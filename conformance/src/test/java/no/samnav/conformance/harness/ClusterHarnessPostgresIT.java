package no.samnav.conformance.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short run of the cluster harness in every build: docker/compose.yml's production shape as
 * processes (an Artemis primary/backup pair from the Apache distribution, PostgreSQL, two gateway
 * JVMs), load on one node and then on two, then kill -9 of a gateway node and of the broker
 * primary under load. Nothing is lost or doubled and every sender gets its AppRecs. The throughput
 * figures are printed, never asserted (docs/reliability.md has a long run).
 */
class ClusterHarnessPostgresIT {

    @TempDir
    Path workDir;

    @Test
    void twoNodesOnABrokerPairLoseNothingWhenANodeAndThenTheBrokerPrimaryDie() throws Exception {
        ClusterHarness harness = new ClusterHarness(workDir, HarnessFiles.gatewayJar(), HarnessFiles.sample(),
                HarnessFiles.composeFile(), ArtemisBroker.distribution(), ClusterHarness.Postgres.fromEnvironment(),
                new ClusterHarness.Settings(5, 10, 100, Integer.getInteger("samnav.cluster.messages", 300), 30, "50ms",
                        List.of("-Xmx512m")));

        ClusterHarness.Result result = harness.run();

        System.out.println(result.summary());
        assertThat(result.problems()).as(result.summary()).isEmpty();
        assertThat(result.notes()).isGreaterThan(300);
        assertThat(result.delivered()).isEqualTo(result.notes());
        assertThat(result.appRecsBack()).isEqualTo(result.notes());
        assertThat(result.filesRead()).isEqualTo(2L * result.notes());
        // both measurements saw traffic; how much is a figure for docs/reliability.md, not a test
        assertThat(result.oneNode()).isPositive();
        assertThat(result.twoNodes()).isPositive();
        // the surviving node reads the queue depths from the external broker's management address
        assertThat(result.metrics()).contains("samnav_queue_depth", "samnav_messages_delivered_total");
        // and how full the external broker's disk is (brokerStorage is DOWN when it cannot ask)
        assertThat(result.health()).contains("\"brokerStorage\":{\"status\":\"UP\"}");
    }
}
