package no.samnav.gateway.routes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import no.samnav.gateway.store.MessageStore;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Delivery into a file inbox in three steps: write {@code <name>.part}, record the delivery, then
 * rename to {@code <name>}. The journal system reads only complete files, and never a message twice:
 * a gateway stopped between the record and the rename finishes the rename when the order comes
 * again (found by the crash harness: renaming before the record wrote the file a second time after
 * a kill), and one stopped before the record writes the temporary file anew.
 */
@Component
public class InboxFiles {

    private static final Logger log = LoggerFactory.getLogger(InboxFiles.class);

    /** The temporary suffix; journal systems read only {@code *.xml}. */
    static final String PART = ".part";
    /** Exchange property: the file's final name while it is written under the temporary one. */
    static final String FINAL_NAME_PROPERTY = "SamnavFinalFileName";

    private final MessageStore store;

    public InboxFiles(MessageStore store) {
        this.store = store;
    }

    /** Before the write: the file component writes under the temporary name. */
    public Processor writeTemporary() {
        return exchange -> {
            String name = exchange.getIn().getHeader(Exchange.FILE_NAME, String.class);
            exchange.setProperty(FINAL_NAME_PROPERTY, name);
            exchange.getIn().setHeader(Exchange.FILE_NAME, name + PART);
        };
    }

    /**
     * After the delivery is recorded: from now on the journal system sees the file. When another
     * delivery of the same order recorded it first, this write is removed instead.
     */
    public Processor publish(Path inbox) {
        return exchange -> {
            String name = exchange.getProperty(FINAL_NAME_PROPERTY, String.class);
            if (exchange.getIn().getHeader(DeliveryProcessors.ALREADY_DELIVERED_HEADER) != null) {
                Files.deleteIfExists(inbox.resolve(name + PART));
            } else {
                rename(inbox, name);
            }
        };
    }

    /** An order for a recorded delivery: finish a rename a stopped gateway did not get to. */
    public Processor finishInterrupted(Path inbox) {
        return exchange -> {
            String messageId = exchange.getIn().getHeader(DeliveryProcessors.MESSAGE_ID_HEADER, String.class);
            String participant = exchange.getIn().getHeader(Queues.PARTICIPANT_HEADER, String.class);
            var recorded = store.delivery(messageId, participant);
            if (recorded.isPresent() && rename(inbox, recorded.get().fileName())) {
                log.info("message {}: finished the interrupted delivery to {}", messageId, participant);
            }
        };
    }

    private static boolean rename(Path inbox, String name) throws IOException {
        Path part = inbox.resolve(name + PART);
        if (!Files.exists(part)) return false;
        Files.move(part, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return true;
    }
}
