package no.samnav.gateway.store;

/** What ingest knows of an accepted message. {@code patientId} is stored for search, never logged. */
public record NewMessage(String msgId, String kind, String standard, String messageType, String channel,
        String senderHer, String receiverHer, String patientId, String conversationRef, byte[] original,
        String fhirJson) {
}
