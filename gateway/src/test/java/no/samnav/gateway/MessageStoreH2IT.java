package no.samnav.gateway;

/** {@link MessageStoreScenarios} on the embedded H2 message store (the default). */
class MessageStoreH2IT extends MessageStoreScenarios {
}
