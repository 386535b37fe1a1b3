package no.samnav.gateway.journal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Who may read a patient's documents in the shared journal: exactly the rules of
 * docs/access-policy.md, in that order. A reader is a person (HPR number) acting for the
 * organisations (participants) its client system acts for. Pure: the facts come from
 * {@link CareFacts}.
 */
public final class AccessPolicy {

    /** Why a read is allowed. */
    public enum Basis {
        /** The reader's organisation is the patient's GP office. */
        GP_OFFICE,
        /** The legevakt, while on duty. */
        ON_DUTY,
        /** A service the reader's organisation is an office of runs an active episode for the patient. */
        CARE_EPISODE,
        /** The reader's organisation sent or received a message about the patient within the window. */
        RECENT_MESSAGE,
        /** The person declared an emergency access ("break the glass"), still in force. */
        EMERGENCY_ACCESS
    }

    /** Why a read is denied. */
    public enum Denial {
        /** No person (HPR number) behind the request: a system alone reads no patient's documents. */
        NO_PERSON,
        /** The reader's organisation is no member of the shared journal. */
        NOT_A_MEMBER,
        /** The patient has reserved against sharing or restricted access. */
        PATIENT_OBJECTION,
        /** No care relationship between the reader's organisation and the patient. */
        NO_CARE_RELATIONSHIP
    }

    /** The person and the organisations they act for. */
    public record Reader(String clientId, String hprNumber, List<String> participants) {
    }

    /** The outcome: a basis when allowed, a denial otherwise; the emergency access id when that was the basis. */
    public record Decision(Basis basis, Denial denial, String emergencyAccessId) {

        public boolean allowed() {
            return basis != null;
        }

        static Decision allow(Basis basis) {
            return new Decision(basis, null, null);
        }

        static Decision deny(Denial denial) {
            return new Decision(null, denial, null);
        }
    }

    /** The facts the policy decides on. */
    public interface CareFacts {

        boolean isMember(String participant);

        /** The participant id of the patient's GP office, if the patient is on a GP's list. */
        Optional<String> gpOffice(String patientId);

        boolean onDuty(String participant, Instant at);

        /** Whether a service the participant is an office of runs an active episode for the patient. */
        boolean activeEpisode(String patientId, List<String> participants);

        boolean exchangedMessages(String patientId, List<String> participants, Instant since);

        boolean objects(String patientId, Instant at);

        /** The id of the person's emergency access to the patient in force at {@code at}. */
        Optional<String> emergencyAccess(String patientId, String hprNumber, Instant at);
    }

    private final CareFacts facts;
    private final Duration messageWindow;

    public AccessPolicy(CareFacts facts, Duration messageWindow) {
        this.facts = facts;
        this.messageWindow = messageWindow;
    }

    /** Whether {@code reader} may read the documents of {@code patientId} at {@code at}, and why. */
    public Decision decide(Reader reader, String patientId, Instant at) {
        if (reader.hprNumber() == null || reader.hprNumber().isBlank()) return Decision.deny(Denial.NO_PERSON);
        List<String> members = reader.participants().stream().filter(facts::isMember).toList();
        if (members.isEmpty()) return Decision.deny(Denial.NOT_A_MEMBER);
        Optional<String> emergency = facts.emergencyAccess(patientId, reader.hprNumber(), at);
        if (emergency.isPresent()) return new Decision(Basis.EMERGENCY_ACCESS, null, emergency.get());
        if (facts.objects(patientId, at)) return Decision.deny(Denial.PATIENT_OBJECTION);
        Optional<String> gpOffice = facts.gpOffice(patientId);
        if (gpOffice.isPresent() && members.contains(gpOffice.get())) return Decision.allow(Basis.GP_OFFICE);
        if (members.stream().anyMatch(p -> facts.onDuty(p, at))) return Decision.allow(Basis.ON_DUTY);
        if (facts.activeEpisode(patientId, members)) return Decision.allow(Basis.CARE_EPISODE);
        if (facts.exchangedMessages(patientId, members, at.minus(messageWindow))) return Decision.allow(Basis.RECENT_MESSAGE);
        return Decision.deny(Denial.NO_CARE_RELATIONSHIP);
    }

    /**
     * Whether the person may declare an emergency access to a patient: a person acting for a
     * member organisation. Emergency access overrides the care relationship and the patient's
     * objection, never membership.
     */
    public Optional<Denial> mayDeclareEmergency(Reader reader) {
        if (reader.hprNumber() == null || reader.hprNumber().isBlank()) return Optional.of(Denial.NO_PERSON);
        if (reader.participants().stream().noneMatch(facts::isMember)) return Optional.of(Denial.NOT_A_MEMBER);
        return Optional.empty();
    }
}
