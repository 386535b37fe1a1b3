package no.samnav.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import no.samnav.gateway.store.MessageStatus;
import no.samnav.gateway.store.MessageStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Outbox files when several gateway nodes share the folders ({@code samnav.cluster.enabled}): a file
 * another node has claimed in the database, and keeps claimed, is left alone; once that node stops
 * renewing its claim (it died) and the claim is older than {@code claim-max-age}, this node takes the
 * file over, delivers the message, and releases the claim after the file's move to {@code .done}.
 * (The cluster harness in conformance/ runs two real nodes; this shows the claim itself.)
 */
class ClusterFileClaimsIT extends GatewayITSupport {

    @DynamicPropertySource
    static void cluster(DynamicPropertyRegistry registry) {
        registry.add("samnav.cluster.enabled", () -> "true");
        registry.add("samnav.cluster.claim-max-age", () -> "6s");
        registry.add("samnav.cluster.claim-keep-alive", () -> "1s");
        registry.add("samnav.cluster.claim-release-delay", () -> "500ms");
    }

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MessageStore store;

    @Test
    void aFileClaimedByAnotherNodeWaitsUntilThatNodesClaimIsOrphanedAndIsThenTakenOver() throws Exception {
        String msgId = UUID.randomUUID().toString();
        Path file = outbox("storsteinnes").toAbsolutePath().normalize().resolve(msgId + ".xml");
        // another node claimed the file a moment ago (Camel keys a claim by the file's absolute path)
        jdbc.update("INSERT INTO file_claim (processorname, messageid, createdat) VALUES (?, ?, ?)",
                "samnav-outbox", file.toString(), Timestamp.from(Instant.now()));
        drop("storsteinnes", file.getFileName().toString(), noteFromStorsteinnesToOteren(msgId));

        // while the claim is younger than claim-max-age, this node leaves the file alone
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> Files.exists(file) && store.byMsgId(msgId).isEmpty());

        // the other node never renews it: once it is older than claim-max-age, this node takes the file
        await().atMost(Duration.ofSeconds(40)).until(() -> store.byMsgId(msgId)
                .filter(m -> m.status() == MessageStatus.DELIVERED).isPresent());
        assertThat(file).doesNotExist();
        assertThat(countFilesContaining(inbox("oteren"), msgId)).isEqualTo(1);
        // and gives the claim up after the move to .done
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM file_claim WHERE messageid = ?", Integer.class, file.toString()) == 0);
    }

    @Test
    void aFileNoOtherNodeHasClaimedIsTakenAtOnceAndItsClaimReleased() throws Exception {
        String msgId = UUID.randomUUID().toString();
        Path file = outbox("storsteinnes").toAbsolutePath().normalize().resolve(msgId + ".xml");
        drop("storsteinnes", file.getFileName().toString(), noteFromStorsteinnesToOteren(msgId));

        await().atMost(Duration.ofSeconds(30)).until(() -> store.byMsgId(msgId)
                .filter(m -> m.status() == MessageStatus.DELIVERED).isPresent());
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM file_claim", Integer.class) == 0);
    }
}
