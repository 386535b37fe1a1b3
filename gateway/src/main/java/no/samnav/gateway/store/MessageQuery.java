package no.samnav.gateway.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A search of the message store: every given criterion must hold; newest first, at most
 * {@code limit} messages. Criteria come from an operator: {@link #parse} checks them and its error
 * messages never repeat a value (a patient identifier must not end up in a response or a log).
 *
 * @param patient  fødselsnummer or D-number as stored in {@code patient_id}
 * @param sender   the sender's HER-id as stored (the most specific one of the message)
 * @param receiver the receiver's HER-id as stored
 * @param statuses the message's current status is one of these (empty: any)
 * @param from     received at or after
 * @param to       received before
 * @param channels received from one of these participants (empty: any)
 * @param id       the gateway's id or the message's own id (MsgId, Bundle.identifier)
 * @param limit    1 to {@link #MAX_LIMIT}
 */
public record MessageQuery(String patient, String sender, String receiver, List<MessageStatus> statuses, Instant from,
        Instant to, List<String> channels, String id, int limit, String messageType, String conversation) {

    public MessageQuery {
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
        channels = channels == null ? List.of() : List.copyOf(channels);
    }

    /** This query, restricted to messages received from these participants (none: no message at all). */
    public MessageQuery fromChannels(List<String> participants) {
        return new MessageQuery(patient, sender, receiver, statuses, from, to,
                participants.isEmpty() ? List.of("") : participants, id, limit, messageType, conversation);
    }

    /** This query, for the message with this id (the gateway's or its own). */
    public MessageQuery withId(String messageId) {
        return new MessageQuery(patient, sender, receiver, statuses, from, to, channels, messageId, limit, messageType,
                conversation);
    }

    /** This query, for messages in one of these states. */
    public MessageQuery withStatuses(List<MessageStatus> states) {
        return new MessageQuery(patient, sender, receiver, states, from, to, channels, id, limit, messageType,
                conversation);
    }

    /**
     * This query, for messages of one type (e.g. {@code DIALOG_HELSEFAGLIG}) and/or one conversation
     * (the reference a message and its answers share); blank means any.
     */
    public MessageQuery withTypeAndConversation(String type, String conversationRef) {
        return new MessageQuery(patient, sender, receiver, statuses, from, to, channels, id, limit, blankToNull(type),
                blankToNull(conversationRef));
    }

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    private static final Pattern PATIENT = Pattern.compile("\\d{11}");
    private static final Pattern HER_ID = Pattern.compile("\\d{1,9}");

    /** Checks and converts the operator's criteria; blank means not given. */
    public static MessageQuery parse(String patient, String sender, String receiver, String status, String from,
            String to, Integer limit) {
        patient = blankToNull(patient);
        if (patient != null && !PATIENT.matcher(patient).matches()) {
            throw new IllegalArgumentException("patient must be an 11-digit fødselsnummer or D-number");
        }
        sender = herId("sender", sender);
        receiver = herId("receiver", receiver);
        MessageStatus state = null;
        if (blankToNull(status) != null) {
            try {
                state = MessageStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("status must be one of " + List.of(MessageStatus.values()));
            }
        }
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        if (start != null && end != null && !start.isBefore(end)) {
            throw new IllegalArgumentException("from must be before to");
        }
        int max = limit == null ? DEFAULT_LIMIT : limit;
        if (max < 1 || max > MAX_LIMIT) throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT);
        return new MessageQuery(patient, sender, receiver, state == null ? List.of() : List.of(state), start, end,
                List.of(), null, max, null, null);
    }

    /** The WHERE clause (possibly empty) and its arguments, in order. */
    record Where(String sql, List<Object> args) {
    }

    Where where() {
        List<String> conditions = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (patient != null) add(conditions, args, "patient_id = ?", patient);
        if (sender != null) add(conditions, args, "sender_her = ?", sender);
        if (receiver != null) add(conditions, args, "receiver_her = ?", receiver);
        if (!statuses.isEmpty()) {
            conditions.add("status IN (" + String.join(", ", java.util.Collections.nCopies(statuses.size(), "?")) + ")");
            statuses.forEach(s -> args.add(s.name()));
        }
        if (!channels.isEmpty()) {
            conditions.add("channel IN (" + String.join(", ", java.util.Collections.nCopies(channels.size(), "?")) + ")");
            args.addAll(channels);
        }
        if (id != null) {
            conditions.add("(id = ? OR msg_id = ?)");
            args.add(id);
            args.add(id);
        }
        if (messageType != null) add(conditions, args, "message_type = ?", messageType);
        if (conversation != null) add(conditions, args, "conversation_ref = ?", conversation);
        if (from != null) add(conditions, args, "received_at >= ?", Timestamp.from(from));
        if (to != null) add(conditions, args, "received_at < ?", Timestamp.from(to));
        return new Where(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), args);
    }

    private static void add(List<String> conditions, List<Object> args, String condition, Object arg) {
        conditions.add(condition);
        args.add(arg);
    }

    private static String herId(String name, String value) {
        value = blankToNull(value);
        if (value != null && !HER_ID.matcher(value).matches()) {
            throw new IllegalArgumentException(name + " must be a HER-id of 1 to 9 digits");
        }
        return value;
    }

    /** An instant with offset ({@code 2026-03-04T10:15:00Z}) or a date, meaning its start in UTC. */
    private static Instant instant(String name, String value) {
        value = blankToNull(value);
        if (value == null) return null;
        try {
            if (value.length() == 10) return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be a date (2026-03-04) or a time with offset"
                    + " (2026-03-04T10:15:00Z)");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
