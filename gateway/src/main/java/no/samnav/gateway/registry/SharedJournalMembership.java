package no.samnav.gateway.registry;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Who takes part in the shared journal, from the cooperation file's {@code shared-journal}
 * section: the member participants (only they may read, and only their documents are shared) and
 * the duty hours of the participants whose care relationship is being on duty (the legevakt).
 */
public record SharedJournalMembership(Set<String> members, Map<String, DutyHours> onDuty) {

    /** No shared journal section: nobody reads. */
    public static final SharedJournalMembership NONE = new SharedJournalMembership(Set.of(), Map.of());

    public boolean isMember(String participantId) {
        return members.contains(participantId);
    }

    /** Whether the participant has duty hours and is on duty at {@code at}. */
    public boolean onDuty(String participantId, Instant at) {
        DutyHours hours = onDuty.get(participantId);
        return hours != null && hours.onDuty(at);
    }
}
