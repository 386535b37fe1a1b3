package no.samnav.gateway.flow;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import no.samnav.gateway.config.SamnavProperties;
import no.samnav.mappers.error.InvalidValueException;
import no.samnav.mappers.error.Location;
import no.samnav.mappers.error.PayloadTooLargeException;
import no.samnav.mappers.kodeverk.AppRecErrorCode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import no.samnav.gateway.observability.GatewayMetrics;
import no.samnav.gateway.observability.MessageIdMdc;
import no.samnav.gateway.registry.Participant;
import no.samnav.gateway.store.MessageStatus;
import no.samnav.gateway.store.MessageStore;
import no.samnav.gateway.store.NewMessage;
import no.samnav.mappers.Mappers;
import no.samnav.mappers.ReadResult;
import no.samnav.mappers.WriteResult;
import no.samnav.mappers.apprec.Receipts;
import no.samnav.mappers.error.MappingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import java.util.List;
import no.samnav.gateway.flow.RoutingService.DeliveryOrder;
import no.samnav.gateway.store.StoredMessage;

/**
 * Ingest: parse and validate what a participant's journal system sent, store the original and the
 * canonical FHIR message, route it ({@link RoutingService}) in the same store transaction, and say
 * where it goes next. Bad input is stored too (as rejected) and
 * answered with an AppRec "avvist" to the channel it came from, so every input leaves a trace.
 */
@Service
public class IngestService {

    private static final Logger log = LoggerFactory.getLogger(IngestService.class);

    private final Mappers mappers;
    private final MessageStore store;
    private final Receipting receipting;
    private final FhirContext fhir;
    private final GatewayMetrics metrics;
    private final int maxPayloadBytes;
    private final TransactionTemplate transactions;
    private final TransactionTemplate routingStep;
    private final RoutingService routing;

    /** How much of an oversized input is stored, for the operator to see what it was. */
    static final int KEPT_OF_OVERSIZED = 64 * 1024;

    public IngestService(Mappers mappers, MessageStore store, Receipting receipting, FhirContext fhir,
            GatewayMetrics metrics, SamnavProperties properties, TransactionTemplate transactions,
            RoutingService routing) {
        this.mappers = mappers;
        this.store = store;
        this.receipting = receipting;
        this.fhir = fhir;
        this.metrics = metrics;
        this.maxPayloadBytes = properties.maxPayloadBytes();
        this.transactions = transactions;
        this.routing = routing;
        this.routingStep = new TransactionTemplate(transactions.getTransactionManager());
        this.routingStep.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** Where an ingested input goes next. */
    public sealed interface Outcome {
        /** The gateway id of the stored message. */
        String messageId();

        /**
         * Stored and routed in one store transaction: hand these deliveries to the receivers' queues
         * (none: nothing left to deliver, e.g. a resubmission of a delivered message).
         */
        record Routed(String messageId, List<DeliveryOrder> deliveries, boolean resubmission) implements Outcome {
        }

        /** Stored but not routed (routing failed here, or a resubmission of an unrouted message): queue it for routing. */
        record Accepted(String messageId, boolean duplicate) implements Outcome {
        }

        /** Rejected: deliver the stored AppRec to the sender's own channel. */
        record Rejected(String messageId, String participant) implements Outcome {
        }
    }

    /**
     * Ingests a payload from a stream, reading at most the configured limit plus one byte: a larger
     * input is rejected (T99) without being held in memory, and only its first bytes are kept as
     * the stored original.
     */
    public Outcome ingest(Participant channel, InputStream in) throws IOException {
        return store(prepare(channel, in));
    }

    /**
     * Ingests a payload held in memory: parsed once, then stored and routed in one store
     * transaction, so that the message, its translated payload and its status commit together.
     * Should routing fail for a reason other than the message itself, the message is stored as
     * received and handed to the routing queue, which retries and dead-letters.
     */
    public Outcome ingest(Participant channel, byte[] payload) {
        return store(prepare(channel, payload));
    }

    /**
     * An input read and parsed, not stored yet: what can be done without the store, so that it
     * can be done outside the store transaction (see {@code IngestBatches}).
     */
    public static final class Prepared {
        private final Participant channel;
        private final byte[] payload;
        private final ReadResult read;
        private final MessageFacts facts;
        private final String json;
        private final MappingException failure;

        private Prepared(Participant channel, byte[] payload, ReadResult read, MessageFacts facts, String json,
                MappingException failure) {
            this.channel = channel;
            this.payload = payload;
            this.read = read;
            this.facts = facts;
            this.json = json;
            this.failure = failure;
        }

        /** The participant whose channel the input came from. */
        public Participant channel() {
            return channel;
        }
    }

    /** Reads at most the configured limit plus one byte of the stream and parses it: {@link #ingest(Participant, InputStream)} without the store. */
    public Prepared prepare(Participant channel, InputStream in) throws IOException {
        byte[] payload = in.readNBytes(maxPayloadBytes + 1);
        if (payload.length <= maxPayloadBytes) return prepare(channel, payload);
        return new Prepared(channel, Arrays.copyOf(payload, KEPT_OF_OVERSIZED), null, null, null,
                new PayloadTooLargeException(Location.UNKNOWN, "Meldingen er større enn grensen på " + maxPayloadBytes
                        + " byte (the payload is larger than the limit; send large attachments as separate messages or"
                        + " ask the operator to raise samnav.max-payload-bytes)"));
    }

    /** Parses a payload held in memory and derives what the store needs: {@link #ingest(Participant, byte[])} without the store. */
    public Prepared prepare(Participant channel, byte[] payload) {
        ReadResult read;
        try {
            read = mappers.read(payload);
        } catch (MappingException e) {
            return new Prepared(channel, payload, null, null, null, e);
        }
        MessageFacts facts = MessageFacts.of(read.bundle(), "sha256:" + sha256(payload));
        String json = fhir.newJsonParser().encodeResourceToString(read.bundle());
        return new Prepared(channel, payload, read, facts, json, null);
    }

    /**
     * Stores and routes a prepared input (a bad one as rejected, with its AppRec), in the caller's
     * store transaction if it has one, else in one of its own. The received and rejected counters
     * count it once that transaction has committed.
     */
    public Outcome store(Prepared prepared) {
        if (prepared.failure != null) return reject(prepared.channel, prepared.payload, prepared.failure);
        return storeAndRoute(prepared.channel, prepared.payload, prepared.read, prepared.facts, prepared.json,
                prepared.read.standard().id(), true);
    }

    /**
     * Ingests a FHIR message Bundle that a client sent over the FHIR API as {@code channel}: stored
     * (its JSON is both the original and the canonical form, standard {@value #FHIR_R4}) and, when
     * {@code routeNow}, routed in the same store transaction; otherwise the routing queue routes it.
     * A resubmission of the same Bundle (same identifier, same content) gets the first outcome; the
     * same identifier with other content is refused with {@link DuplicateIdException}.
     *
     * @throws MappingException when the Bundle is no message a supported standard can carry
     */
    public Outcome ingestBundle(Participant channel, org.hl7.fhir.r4.model.Bundle bundle, boolean routeNow) {
        ReadResult read = mappers.readBundle(bundle);
        String json = fhir.newJsonParser().encodeResourceToString(bundle);
        byte[] payload = json.getBytes(StandardCharsets.UTF_8);
        MessageFacts facts = MessageFacts.of(bundle, "sha256:" + sha256(payload));
        return storeAndRoute(channel, payload, read, facts, json, FHIR_R4, routeNow);
    }

    /** The standard recorded for messages that arrived as FHIR: their original is the Bundle's JSON. */
    public static final String FHIR_R4 = "fhir-r4";

    /** A FHIR Bundle whose identifier an earlier, different message carries. */
    public static final class DuplicateIdException extends RuntimeException {
        DuplicateIdException(String identifier) {
            super("Bundle.identifier " + identifier + " is already used by another message with other content;"
                    + " every message needs its own identifier");
        }
    }

    private Outcome storeAndRoute(Participant channel, byte[] payload, ReadResult read, MessageFacts facts, String json,
            String standard, boolean routeNow) {
        NewMessage message = new NewMessage(facts.msgId(), facts.isAppRec() ? "apprec" : "message", standard,
                facts.messageType() == null ? null : facts.messageType().getCode(), channel.id(),
                first(facts.senderHerIds()), first(facts.receiverHerIds()), facts.patientId(),
                // a message and the receipts that answer it share one conversation: the message's MsgId
                facts.isAppRec() ? facts.answersMsgId() : facts.msgId(), payload, json);
        Outcome outcome = transactions.execute(tx -> storeAndRoute(channel, payload, read, facts, message, routeNow));
        if (outcome instanceof Outcome.Routed routed && !routed.resubmission()
                || outcome instanceof Outcome.Accepted accepted && !accepted.duplicate()) {
            afterCommit(() -> metrics.received(channel.id(), standard));
        }
        return outcome;
    }

    private Outcome storeAndRoute(Participant channel, byte[] payload, ReadResult read, MessageFacts facts,
            NewMessage message, boolean routeNow) {
        MessageStore.Stored stored = store.receive(message);
        String id = stored.message().id();
        MessageIdMdc.set(id);
        if (stored.duplicate()) {
            if (!Arrays.equals(store.original(id), payload)) {
                // over the API the client gets the answer at once (nothing was written); a channel gets an AppRec
                if (FHIR_R4.equals(message.standard())) throw new DuplicateIdException(facts.msgId());
                return reject(channel, payload, new InvalidValueException(AppRecErrorCode.E10, read.wrapped()
                        ? Location.ofPath("/MsgHead/MsgInfo/MsgId") : Location.UNKNOWN, "MsgId " + facts.msgId()
                        + " er allerede brukt av en annen melding (the id was used before for different content;"
                        + " every message needs its own id)"));
            }
            return resubmitted(stored.message(), channel);
        }
        log.info("message {} ({}) received from {}", id, message.standard(), channel.id());
        if (!routeNow) return new Outcome.Accepted(id, false);
        try {
            // a savepoint: a failed routing leaves the stored message, which the routing queue then retries
            return new Outcome.Routed(id, routingStep.execute(tx -> routing.route(stored.message(), read,
                    FHIR_R4.equals(message.standard()) ? null : payload)), false);
        } catch (RuntimeException e) {
            log.warn("message {}: routing at ingest failed ({}); handed to the routing queue", id,
                    e.getClass().getSimpleName());
            return new Outcome.Accepted(id, false);
        }
    }

    /**
     * A resubmission of a stored message (a journal system sending again, or the same input after
     * the gateway stopped between its store commit and its queue send) gets the first outcome: the
     * deliveries not yet written are queued again (a delivery is written once however often it is
     * queued), an unrouted message goes to routing, a finished one nowhere.
     */
    private Outcome resubmitted(StoredMessage message, Participant channel) {
        if (message.status() == MessageStatus.RECEIVED) return new Outcome.Accepted(message.id(), true);
        if (message.status() != MessageStatus.ROUTED && message.status() != MessageStatus.REJECTED) {
            log.info("message {} from {} is a resubmission of a handled message", message.id(), channel.id());
            return new Outcome.Routed(message.id(), List.of(), true);
        }
        List<DeliveryOrder> pending = store.deliveries(message.id()).stream().filter(d -> d.deliveredAt() == null)
                .map(d -> new DeliveryOrder(message.id(), d.participant())).toList();
        log.info("message {} from {} is a resubmission; {} pending delivery(ies) queued again", message.id(),
                channel.id(), pending.size());
        return new Outcome.Routed(message.id(), pending, true);
    }

    private Outcome reject(Participant channel, byte[] payload, MappingException e) {
        // per channel: the same bad bytes from two journal systems are two inputs, each answered
        String pseudoId = "rejected:" + channel.id() + ":sha256:" + sha256(payload);
        WriteResult receipt = receipting.reject(channel, idOrFileHint(payload), null,
                new Receipts.Party("Samnav", null), e.appRecCode(), e.problem() + " (" + e.location() + ")");
        // the input, its receipt and the status step commit together
        MessageStore.Stored stored = transactions.execute(tx -> {
            MessageStore.Stored s = store.receive(new NewMessage(pseudoId, "rejected", "unknown", null, channel.id(),
                    channel.primaryHerId(), null, null, null, payload, "{}"));
            if (s.duplicate()) return s;
            String id = s.message().id();
            store.prepareDelivery(id, channel.id(), "apprec-" + id + ".xml", channel.appRecVersion().id(), receipt.xml(), null);
            store.status(id, MessageStatus.REJECTED, e.appRecCode().code() + " " + e.problem());
            return s;
        });
        String id = stored.message().id();
        MessageIdMdc.set(id);
        if (stored.duplicate()) return new Outcome.Rejected(id, channel.id());
        afterCommit(() -> metrics.rejected(channel.id(), e.appRecCode().code()));
        log.warn("input {} from {} rejected with {} at {}", id, channel.id(), e.appRecCode().code(), e.location());
        return new Outcome.Rejected(id, channel.id());
    }

    /**
     * Runs {@code count} once the store transaction the caller is in has committed (a batch of
     * {@code IngestBatches}), or at once when it is in none: a counter never counts a message
     * whose store transaction rolled back.
     */
    private static void afterCommit(Runnable count) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            count.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                count.run();
            }
        });
    }

    /** The MsgId a broken message probably carries, so the sender can match the receipt; else "ukjent". */
    private static String idOrFileHint(byte[] payload) {
        String head = new String(payload, 0, Math.min(payload.length, 8192), StandardCharsets.ISO_8859_1);
        var m = java.util.regex.Pattern.compile("<(?:\\w+:)?MsgId>\\s*([A-Za-z0-9\\-.]{1,64})\\s*</").matcher(head);
        return m.find() ? m.group(1) : "ukjent";
    }

    private static String first(java.util.List<String> values) {
        return values.isEmpty() ? null : values.get(0);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
