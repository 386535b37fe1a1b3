package no.samnav.gateway.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import no.samnav.gateway.store.MessageStore;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inbox write as two nodes do it when the broker hands them the same delivery order (a
 * redelivery after a failover while the first node still works on it), and as a restarted node
 * finishes a stopped one's delivery: in every order of the steps the journal system finds exactly
 * one complete file and no temporary one.
 */
class InboxFilesTest {

    static final String NAME = "3c2b9f0e-5a77-4c1e-9a61-7d1f0c2e4b10.xml";
    static final byte[] PAYLOAD = "<MsgHead/>".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path inbox;

    final MessageStore store = mock(MessageStore.class);
    final InboxFiles files = new InboxFiles(store);
    final DefaultCamelContext camel = new DefaultCamelContext();

    @Test
    void theNodeThatLosesTheRecordRemovesOnlyItsOwnFileBeforeTheWinnerRenames() throws Exception {
        Exchange first = attempt();
        Exchange second = attempt();
        write(first);
        write(second);
        // the first records the delivery; the second finds it recorded and gives up first
        second.getIn().setHeader(DeliveryProcessors.ALREADY_DELIVERED_HEADER, true);
        files.publish(inbox).process(second);
        files.publish(inbox).process(first);

        assertThat(inboxFiles()).containsExactly(NAME);
    }

    @Test
    void theWinnerRenamesFirstAndTheLoserFindsItsFileAlreadyGone() throws Exception {
        Exchange first = attempt();
        Exchange second = attempt();
        write(first);
        write(second);
        files.publish(inbox).process(first);
        second.getIn().setHeader(DeliveryProcessors.ALREADY_DELIVERED_HEADER, true);
        files.publish(inbox).process(second);

        assertThat(inboxFiles()).containsExactly(NAME);
        assertThat(Files.readAllBytes(inbox.resolve(NAME))).isEqualTo(PAYLOAD);
    }

    @Test
    void aRestartedNodeFinishesTheRenameOfAStoppedOneAndClearsOlderAttempts() throws Exception {
        Exchange beforeTheRecord = attempt();
        write(beforeTheRecord); // killed before recording: this attempt never recorded the delivery
        Exchange recordedThenKilled = attempt();
        write(recordedThenKilled); // recorded, then killed before the rename
        when(store.delivery("m1", "oteren")).thenReturn(Optional.of(
                new MessageStore.Delivery("m1", "oteren", NAME, "dialogmelding-1.0", PAYLOAD, true,
                        Instant.parse("2026-12-03T10:00:00Z"))));

        Exchange redelivered = new DefaultExchange(camel);
        redelivered.getIn().setHeader(DeliveryProcessors.MESSAGE_ID_HEADER, "m1");
        redelivered.getIn().setHeader(Queues.PARTICIPANT_HEADER, "oteren");
        files.finishInterrupted(inbox).process(redelivered);

        assertThat(inboxFiles()).containsExactly(NAME);
    }

    private Exchange attempt() throws Exception {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getIn().setHeader(Exchange.FILE_NAME, NAME);
        files.writeTemporary().process(exchange);
        return exchange;
    }

    /** What the file component does with the temporary name. */
    private void write(Exchange exchange) throws IOException {
        Files.write(inbox.resolve(exchange.getIn().getHeader(Exchange.FILE_NAME, String.class)), PAYLOAD);
    }

    private java.util.List<String> inboxFiles() throws IOException {
        try (Stream<Path> all = Files.list(inbox)) {
            return all.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
