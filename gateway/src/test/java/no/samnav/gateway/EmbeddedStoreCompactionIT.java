package no.samnav.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import no.samnav.gateway.store.MessageStatus;
import no.samnav.gateway.store.MessageStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded H2 store grows with every message while the gateway runs and is rewritten to its
 * live data when the gateway starts again after a clean stop. A store the gateway did not close
 * (here H2's {@code SHUTDOWN IMMEDIATELY}, which writes nothing more, like a killed process) is
 * recovered by H2 as it opens it, looked through for transactions the stop interrupted
 * ({@code EmbeddedStoreRecovery}) and not compacted at that start. Every message is still there,
 * with its timeline, either way.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedStoreCompactionIT {

    private static final int NOTES = 60;

    @TempDir
    Path dataDir;

    ConfigurableApplicationContext gateway(String... more) {
        List<String> args = new ArrayList<>(List.of("--samnav.data-dir=" + dataDir, "--server.port=0",
                "--samnav.broker.tcp-enabled=false", "--samnav.file-poll-interval=50ms"));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(SamnavGatewayApplication.class).run(args.toArray(String[]::new));
    }

    @Test
    void aRestartAfterACleanStopRewritesTheGrownStoreToItsLiveDataAndKeepsEveryMessage(CapturedOutput output)
            throws Exception {
        List<String> msgIds;
        try (ConfigurableApplicationContext first = gateway()) {
            msgIds = deliverNotes(first);
        }
        assertThat(marker()).as("the clean stop's marker").exists();
        long grown = Files.size(storeFile());

        try (ConfigurableApplicationContext second = gateway()) {
            long compacted = Files.size(storeFile());
            assertThat(output).contains("embedded message store compacted at start");
            assertThat(compacted).as("the store's file after the restart (%d bytes before)", grown).isLessThan(grown / 2);
            assertThat(marker()).as("removed at start: only the next clean stop writes it").doesNotExist();
            assertEveryNoteDelivered(second, msgIds);
        }
    }

    @Test
    void aStoreTheGatewayDidNotCloseIsRecoveredAndNotCompacted(CapturedOutput output) throws Exception {
        List<String> msgIds;
        try (ConfigurableApplicationContext first = gateway()) {
            msgIds = deliverNotes(first);
            // a connection of H2's own: the pool's would fail its clean-up on the closed database
            HikariDataSource pool = first.getBean(HikariDataSource.class);
            try (Connection connection = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
                    Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN IMMEDIATELY");
            }
        }
        // a killed gateway runs no stop at all; this context's stop found the store shut down already, and
        // should its pool have opened the store anew to close it, the marker goes as after a kill
        Files.deleteIfExists(marker());
        long before = Files.size(storeFile());

        try (ConfigurableApplicationContext second = gateway()) {
            assertThat(output).contains("embedded message store: the gateway did not stop cleanly last time")
                    .containsPattern("embedded message store: (no transaction the last stop interrupted"
                            + "|finished \\d+ commit\\(s\\) that H2's recovery left open, and undid \\d+ entries)")
                    .doesNotContain("embedded message store compacted at start");
            assertThat(Files.size(storeFile())).isGreaterThan(before / 3);
            assertEveryNoteDelivered(second, msgIds);
        }
    }

    private List<String> deliverNotes(ConfigurableApplicationContext gateway) throws Exception {
        MessageStore store = gateway.getBean(MessageStore.class);
        Path outbox = dataDir.resolve("participants").resolve("storsteinnes").resolve("outbox");
        List<String> msgIds = new ArrayList<>();
        for (int i = 0; i < NOTES; i++) {
            String msgId = UUID.randomUUID().toString();
            msgIds.add(msgId);
            Path part = outbox.resolve(msgId + ".xml.part");
            Files.writeString(part, GatewayTestMessages.noteToOteren(msgId), StandardCharsets.UTF_8);
            Files.move(part, outbox.resolve(msgId + ".xml"), StandardCopyOption.ATOMIC_MOVE);
        }
        await().atMost(Duration.ofMinutes(2)).until(() -> msgIds.stream().allMatch(id -> store.byMsgId(id)
                .filter(m -> m.status() == MessageStatus.DELIVERED).isPresent()));
        return msgIds;
    }

    private static void assertEveryNoteDelivered(ConfigurableApplicationContext gateway, List<String> msgIds) {
        MessageStore store = gateway.getBean(MessageStore.class);
        assertThat(msgIds).allSatisfy(id -> assertThat(store.byMsgId(id)).hasValueSatisfying(m -> {
            assertThat(m.status()).isEqualTo(MessageStatus.DELIVERED);
            assertThat(store.timeline(m.id())).isNotEmpty();
        }));
    }

    private Path storeFile() {
        return dataDir.resolve("store").resolve("samnav.mv.db");
    }

    private Path marker() {
        return dataDir.resolve("store").resolve("samnav.mv.db.clean-stop");
    }

    @Test
    void compactionAtStartCanBeTurnedOff(CapturedOutput output) throws Exception {
        try (ConfigurableApplicationContext first = gateway()) {
            assertThat(first.getBean(MessageStore.class)).isNotNull();
        }
        long before = Files.size(storeFile());
        try (ConfigurableApplicationContext second = gateway("--samnav.store.compact-on-start=false")) {
            assertThat(output).doesNotContain("embedded message store compacted at start")
                    .doesNotContain("did not stop cleanly");
            assertThat(Files.size(storeFile())).isGreaterThanOrEqualTo(before);
        }
    }
}
