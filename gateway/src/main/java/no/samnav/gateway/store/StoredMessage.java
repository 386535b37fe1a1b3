package no.samnav.gateway.store;

import java.time.Instant;

/** A message as the store keeps it (without its payloads). */
public record StoredMessage(String id, String msgId, String kind, String standard, String messageType, String channel,
        String senderHer, String receiverHer, String conversationRef, MessageStatus status, Instant receivedAt) {
}
