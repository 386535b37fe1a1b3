package no.samnav.gateway.routes;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import no.samnav.gateway.store.MessageStore;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Delivery into a file inbox in three steps: write {@code <name>.<attempt>.part}, record the
 * delivery, then rename to {@code <name>}. The journal system reads only complete files, and never
 * a message twice: a gateway stopped between the record and the rename finishes the rename when the
 * order comes again (found by the crash harness: renaming before the record wrote the file a second
 * time after a kill), and one stopped before the record writes a temporary file anew. Each attempt
 * writes a temporary file of its own, so two nodes handling the same order at once (a redelivery
 * after a broker failover) never remove or rename each other's file: the one that records the
 * delivery renames its own and removes the others' leftovers; the other removes its own.
 */
@Component
public class InboxFiles {

    private static final Logger log = LoggerFactory.getLogger(InboxFiles.class);

    /** The temporary suffix; journal systems read only {@code *.xml}. */
    static final String PART = ".part";
    /** Exchange property: the file's final name while it is written under the temporary one. */
    static final String FINAL_NAME_PROPERTY = "SamnavFinalFileName";
    /** Exchange property: this attempt's temporary name. */
    static final String TEMPORARY_NAME_PROPERTY = "SamnavTemporaryFileName";

    private final MessageStore store;

    public InboxFiles(MessageStore store) {
        this.store = store;
    }

    /** Before the write: the file component writes under this attempt's temporary name. */
    public Processor writeTemporary() {
        return exchange -> {
            String name = exchange.getIn().getHeader(Exchange.FILE_NAME, String.class);
            String temporary = name + "." + UUID.randomUUID().toString().substring(0, 8) + PART;
            exchange.setProperty(FINAL_NAME_PROPERTY, name);
            exchange.setProperty(TEMPORARY_NAME_PROPERTY, temporary);
            exchange.getIn().setHeader(Exchange.FILE_NAME, temporary);
        };
    }

    /**
     * After the delivery is recorded: from now on the journal system sees the file. When another
     * delivery of the same order recorded it first, this attempt's file is removed instead.
     */
    public Processor publish(Path inbox) {
        return exchange -> {
            String name = exchange.getProperty(FINAL_NAME_PROPERTY, String.class);
            Path temporary = inbox.resolve(exchange.getProperty(TEMPORARY_NAME_PROPERTY, String.class));
            if (exchange.getIn().getHeader(DeliveryProcessors.ALREADY_DELIVERED_HEADER) != null) {
                Files.deleteIfExists(temporary);
            } else {
                Files.move(temporary, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                removeLeftovers(inbox, name);
            }
        };
    }

    /** An order for a recorded delivery: finish a rename a stopped gateway did not get to. */
    public Processor finishInterrupted(Path inbox) {
        return exchange -> {
            String messageId = exchange.getIn().getHeader(DeliveryProcessors.MESSAGE_ID_HEADER, String.class);
            String participant = exchange.getIn().getHeader(Queues.PARTICIPANT_HEADER, String.class);
            var recorded = store.delivery(messageId, participant);
            if (recorded.isEmpty()) return;
            String name = recorded.get().fileName();
            List<Path> pending = temporaries(inbox, name);
            if (pending.isEmpty()) return;
            // every attempt wrote the same payload: any one of them is the file
            Files.move(pending.get(0), inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            removeLeftovers(inbox, name);
            log.info("message {}: finished the interrupted delivery to {}", messageId, participant);
        };
    }

    /** Temporary files of attempts that did not record the delivery (a stopped gateway, another node). */
    private static void removeLeftovers(Path inbox, String name) throws IOException {
        for (Path leftover : temporaries(inbox, name)) Files.deleteIfExists(leftover);
    }

    private static List<Path> temporaries(Path inbox, String name) throws IOException {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(inbox, f -> {
            String n = f.getFileName().toString();
            return n.startsWith(name + ".") && n.endsWith(PART);
        })) {
            files.forEach(found::add);
        }
        return found;
    }
}
