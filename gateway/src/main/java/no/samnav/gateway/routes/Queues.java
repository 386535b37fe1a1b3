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

    /** What a JMS participant's journal system sends: {@code samnav.in.<participant id>}. */
    public static final String IN_PREFIX = "samnav.in.";
    /** What the gateway delivers to a JMS participant: {@code samnav.out.<participant id>}. */
    public static final String OUT_PREFIX = "samnav.out.";

    /** The participant a delivery is for. */
    public static final String PARTICIPANT_HEADER = "SamnavParticipant";

    public static String deliverTo(String participantId) {
        return DELIVER_PREFIX + participantId;
    }

    public static String inFrom(String participantId) {
        return IN_PREFIX + participantId;
    }

    public static String outTo(String participantId) {
        return OUT_PREFIX + participantId;
    }
}
