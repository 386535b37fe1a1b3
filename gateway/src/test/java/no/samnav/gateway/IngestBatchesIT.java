package no.samnav.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import no.samnav.gateway.observability.GatewayMetrics;
import no.samnav.gateway.store.MessageStore;
import no.samnav.gateway.store.NewMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * The file channels' inputs stored and queued in batches (one store and one broker transaction for
 * several messages): every message still reaches its receiver once, and an input the store fails
 * on is taken back alone, its file left in the outbox for the next poll, while the rest of its
 * batch commits.
 */
class IngestBatchesIT extends GatewayITSupport {

    @Autowired
    MeterRegistry registry;

    /** The real store, with a fault switched on for the messages of one channel (after their rows are written). */
    @MockitoSpyBean
    MessageStore store;

    private final AtomicBoolean failOteren = new AtomicBoolean();
    private final AtomicInteger failed = new AtomicInteger();

    private void failMessagesFromOterenAfterTheirRowsAreWritten() {
        doAnswer(invocation -> {
            Object stored = invocation.callRealMethod();
            NewMessage message = invocation.getArgument(0);
            if (failOteren.get() && message.channel().equals("oteren")) {
                failed.incrementAndGet();
                throw new DataAccessResourceFailureException("injected: the store failed on this message");
            }
            return stored;
        }).when(store).receive(any());
    }

    private static long xmlFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".xml")).count();
        }
    }

    /** Writes the files elsewhere first and renames them in together, as a busy journal system's burst arrives. */
    private static void dropAtOnce(String participant, List<String> ids, java.util.function.Function<String, String> note)
            throws IOException {
        Path staging = Files.createTempDirectory(dataDir, "staging");
        for (String id : ids) Files.writeString(staging.resolve(id + ".xml"), note.apply(id), StandardCharsets.UTF_8);
        for (String id : ids) {
            Files.move(staging.resolve(id + ".xml"), outbox(participant).resolve(id + ".xml"), StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private double receivedFrom(String participant) {
        return registry.find(GatewayMetrics.RECEIVED).tag("participant", participant).counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    @Test
    void aBurstOfFilesIsStoredInBatchesAndEachNoteDeliveredOnce() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 60; i++) ids.add(UUID.randomUUID().toString());
        DistributionSummary batches = registry.find(GatewayMetrics.INGEST_BATCH).summary();
        long batchesBefore = batches == null ? 0 : batches.count();
        double inputsBefore = batches == null ? 0 : batches.totalAmount();

        dropAtOnce("storsteinnes", ids, GatewayITSupport::noteFromStorsteinnesToOteren);

        for (String id : ids) {
            await().atMost(Duration.ofSeconds(60)).until(() -> countFilesContaining(inbox("oteren"), id) == 1);
        }
        assertThat(xmlFiles(outbox("storsteinnes"))).as("files left in the outbox").isZero();
        DistributionSummary after = registry.find(GatewayMetrics.INGEST_BATCH).summary();
        assertThat(after).isNotNull();
        assertThat(after.totalAmount() - inputsBefore).as("inputs stored in batches").isEqualTo(ids.size());
        assertThat(after.count() - batchesBefore).as("batches for %d files that arrived at once", ids.size())
                .isLessThan(ids.size());
        assertThat(after.max()).as("largest batch").isGreaterThan(1);
    }

    @Test
    void anInputTheStoreFailsOnIsTakenBackAloneAndItsFileStaysForTheNextPoll() throws Exception {
        failMessagesFromOterenAfterTheirRowsAreWritten();
        failOteren.set(true);
        String failing = UUID.randomUUID().toString();
        List<String> others = new ArrayList<>();
        for (int i = 0; i < 30; i++) others.add(UUID.randomUUID().toString());
        double receivedBefore = receivedFrom("oteren");
        long inStorsteinnesBefore = xmlFiles(inbox("storsteinnes"));

        // the failing note among a burst from another office, so that they share batches
        dropAtOnce("oteren", List.of(failing), GatewayTestMessages::noteFromOteren);
        dropAtOnce("storsteinnes", others, GatewayITSupport::noteFromStorsteinnesToOteren);

        for (String id : others) {
            await().atMost(Duration.ofSeconds(60)).until(() -> countFilesContaining(inbox("oteren"), id) == 1);
        }
        // the failed input: its rows were taken back with its savepoint, its file is still in the outbox
        await().atMost(Duration.ofSeconds(10)).until(() -> failed.get() > 0);
        assertThat(Files.exists(outbox("oteren").resolve(failing + ".xml"))).as("the failed input's file").isTrue();
        assertThat(store.byMsgId(failing)).as("rows of the failed input").isEmpty();
        assertThat(receivedFrom("oteren")).as("received from Oteren while its input fails").isEqualTo(receivedBefore);
        assertThat(xmlFiles(inbox("storsteinnes"))).isEqualTo(inStorsteinnesBefore);

        failOteren.set(false);
        await().atMost(Duration.ofSeconds(30)).until(() -> countFilesContaining(inbox("storsteinnes"), failing) == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(outbox("oteren").resolve(failing + ".xml")));
        assertThat(store.byMsgId(failing)).isPresent();
        assertThat(receivedFrom("oteren")).isEqualTo(receivedBefore + 1);
        for (String id : others) assertThat(countFilesContaining(inbox("oteren"), id)).isEqualTo(1);
    }
}
