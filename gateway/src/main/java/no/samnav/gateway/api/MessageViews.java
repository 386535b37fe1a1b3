package no.samnav.gateway.api;

import java.time.Instant;
import java.util.List;
import no.samnav.gateway.operator.DeadLetterService;
import no.samnav.gateway.store.MessageStatus;
import no.samnav.gateway.store.MessageStore;
import no.samnav.gateway.store.StoredMessage;

/** The JSON shapes of the operator API. None carries a payload or a patient identifier. */
final class MessageViews {

    private MessageViews() {
    }

    /** A message in a search result. */
    record Summary(String id, String msgId, String kind, String standard, String messageType, String senderHerId,
            String receiverHerId, String channel, MessageStatus status, Instant receivedAt) {

        static Summary of(StoredMessage m) {
            return new Summary(m.id(), m.msgId(), m.kind(), m.standard(), m.messageType(), m.senderHer(),
                    m.receiverHer(), m.channel(), m.status(), m.receivedAt());
        }
    }

    record SearchResult(int count, int limit, List<Summary> messages) {
    }

    /** One step of the status timeline. */
    record TimelineEntry(MessageStatus status, Instant at, String participant, String detail) {

        static TimelineEntry of(MessageStore.Event e) {
            return new TimelineEntry(e.status(), e.at(), e.participant(), e.detail());
        }
    }

    /** One delivery: to whom, in which standard version, when, and what the translation could not carry. */
    record Delivery(String participant, String standard, String fileName, Instant deliveredAt, String lossReport) {

        static Delivery of(MessageStore.DeliveryRecord d) {
            return new Delivery(d.participant(), d.standard(), d.fileName(), d.deliveredAt(), d.lossReport());
        }
    }

    /**
     * A message with its timeline and deliveries, and the shared journal's DocumentReference
     * published from it (null when it published none: a receipt, a rejected message, a patient's
     * objection, a document the journal had already).
     */
    record Detail(String id, String msgId, String kind, String standard, String messageType, String senderHerId,
            String receiverHerId, String channel, String conversationRef, MessageStatus status, Instant receivedAt,
            List<TimelineEntry> timeline, List<Delivery> deliveries, String sharedJournalDocument) {

        static Detail of(StoredMessage m, List<MessageStore.Event> events, List<MessageStore.DeliveryRecord> deliveries,
                String sharedJournalDocument) {
            return new Detail(m.id(), m.msgId(), m.kind(), m.standard(), m.messageType(), m.senderHer(),
                    m.receiverHer(), m.channel(), m.conversationRef(), m.status(), m.receivedAt(),
                    events.stream().map(TimelineEntry::of).toList(), deliveries.stream().map(Delivery::of).toList(),
                    sharedJournalDocument);
        }
    }

    /** A dead-lettered message: {@code participant} null when routing gave up; {@code queued}: its dead letter is on the JMS queue. */
    record DeadLetter(String messageId, String msgId, String kind, String standard, String channel,
            String participant, String reason, Instant deadLetteredAt, boolean queued) {

        static DeadLetter of(DeadLetterService.DeadLetter d) {
            StoredMessage m = d.message();
            return new DeadLetter(m.id(), m.msgId(), m.kind(), m.standard(), m.channel(), d.participant(), d.reason(),
                    d.at(), d.queued());
        }
    }

    record DeadLetters(int count, List<DeadLetter> deadLetters) {
    }

    record Resent(String messageId, String participant, String queue, int deadLettersRemoved) {

        static Resent of(DeadLetterService.Resent r) {
            return new Resent(r.messageId(), r.participant(), r.queue(), r.deadLettersRemoved());
        }
    }

    record ResentAll(int count, List<Resent> resent) {
    }
}
