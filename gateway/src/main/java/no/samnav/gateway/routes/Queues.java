package no.samnav.gateway.routes;

/** Queue and header names shared by the routes. */
public final class Queues {

    private Queues() {
    }

    /** Messages stored by ingest, waiting to be routed (body: the gateway message id). */
    public static final String ROUTE = "samnav.route";
    /** Per-participant delivery queues: {@code samnav.deliver.<participant id>} (body: the message id). */
    public static final String DELIVER_PREFIX = "samnav.deliver.";
    /** Deliveries and routings that failed after every retry, for an operator to inspect and resend. */
    public static final String DEAD_LETTER = "samnav.dead-letter";

    /** The participant a delivery is for. */
    public static final String PARTICIPANT_HEADER = "SamnavParticipant";

    public static String deliverTo(String participantId) {
        return DELIVER_PREFIX + participantId;
    }
}
