package no.samnav.gateway.store;

/** The states on a message's timeline, in the order a message normally passes them. */
public enum MessageStatus {
    /** Parsed, validated and stored; the channel has been acknowledged. */
    RECEIVED,
    /** Receiver resolved and the message translated for it. */
    ROUTED,
    /** Written to the receiver's channel. */
    DELIVERED,
    /** The receiver's AppRec said OK (status 1) or OK with errors in part (3). */
    ACKNOWLEDGED,
    /** Rejected: by the gateway (invalid, unknown receiver, unsupported version) or by the receiver's AppRec (2). */
    REJECTED,
    /** Gave up delivering after the retries; waiting on the dead-letter queue. */
    DEAD_LETTERED,
    /** An operator put a dead-lettered delivery (or routing) back on its queue. */
    RESENT,
    /** An operator gave a dead-lettered delivery up, with a recorded reason: it is not delivered. */
    DISCARDED
}
