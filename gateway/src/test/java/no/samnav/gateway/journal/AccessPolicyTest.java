package no.samnav.gateway.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import no.samnav.gateway.journal.AccessPolicy.Basis;
import no.samnav.gateway.journal.AccessPolicy.Denial;
import no.samnav.gateway.journal.AccessPolicy.Reader;
import org.junit.jupiter.api.Test;

/** The order of the rules of docs/access-policy.md, with facts set by hand (the whole policy runs in SharedJournalScenarios). */
class AccessPolicyTest {

    static final String PATIENT = "12059248241";
    static final Instant NOW = Instant.parse("2026-12-09T11:00:00Z");

    /** Facts a test sets one by one. */
    static final class Facts implements AccessPolicy.CareFacts {
        final Set<String> members = new HashSet<>(Set.of("oteren", "legevakt"));
        String gpOffice;
        final Set<String> onDuty = new HashSet<>();
        boolean episode;
        Instant lastMessage;
        boolean objects;
        String emergency;
        final List<Instant> windowsAsked = new ArrayList<>();

        @Override
        public boolean isMember(String participant) {
            return members.contains(participant);
        }

        @Override
        public Optional<String> gpOffice(String patientId) {
            return Optional.ofNullable(gpOffice);
        }

        @Override
        public boolean onDuty(String participant, Instant at) {
            return onDuty.contains(participant);
        }

        @Override
        public boolean activeEpisode(String patientId, List<String> participants) {
            return episode;
        }

        @Override
        public boolean exchangedMessages(String patientId, List<String> participants, Instant since) {
            windowsAsked.add(since);
            return lastMessage != null && !lastMessage.isBefore(since);
        }

        @Override
        public boolean objects(String patientId, Instant at) {
            return objects;
        }

        @Override
        public Optional<String> emergencyAccess(String patientId, String hprNumber, Instant at) {
            return Optional.ofNullable(emergency);
        }
    }

    final Facts facts = new Facts();
    final AccessPolicy policy = new AccessPolicy(facts, Duration.ofDays(90));
    final Reader oteren = new Reader("demo-systemx-oteren", "9144889", List.of("oteren"));

    @Test
    void aSystemWithoutAPersonReadsNothingEvenAtTheGpOffice() {
        facts.gpOffice = "oteren";
        assertThat(policy.decide(new Reader("c", null, List.of("oteren")), PATIENT, NOW).denial()).isEqualTo(Denial.NO_PERSON);
    }

    @Test
    void anOrganisationOutsideTheSharedJournalReadsNothingAndCannotBreakTheGlass() {
        facts.emergency = "e1";
        Reader unn = new Reader("demo-unn-dips", "9144889", List.of("unn"));
        assertThat(policy.decide(unn, PATIENT, NOW).denial()).isEqualTo(Denial.NOT_A_MEMBER);
        assertThat(policy.mayDeclareEmergency(unn)).contains(Denial.NOT_A_MEMBER);
        assertThat(policy.decide(new Reader("unknown", "9144889", List.of()), PATIENT, NOW).denial()).isEqualTo(Denial.NOT_A_MEMBER);
    }

    @Test
    void emergencyAccessOverridesTheObjectionAndTheMissingRelationship() {
        facts.objects = true;
        assertThat(policy.decide(oteren, PATIENT, NOW).denial()).isEqualTo(Denial.PATIENT_OBJECTION);
        facts.emergency = "e1";
        AccessPolicy.Decision decision = policy.decide(oteren, PATIENT, NOW);
        assertThat(decision.basis()).isEqualTo(Basis.EMERGENCY_ACCESS);
        assertThat(decision.emergencyAccessId()).isEqualTo("e1");
    }

    @Test
    void anObjectionWinsOverEveryCareRelationship() {
        facts.objects = true;
        facts.gpOffice = "oteren";
        facts.onDuty.add("oteren");
        facts.episode = true;
        facts.lastMessage = NOW;
        assertThat(policy.decide(oteren, PATIENT, NOW).denial()).isEqualTo(Denial.PATIENT_OBJECTION);
    }

    @Test
    void theRelationshipsInTheirDocumentedOrder() {
        facts.lastMessage = NOW.minus(Duration.ofDays(1));
        assertThat(policy.decide(oteren, PATIENT, NOW).basis()).isEqualTo(Basis.RECENT_MESSAGE);
        facts.episode = true;
        assertThat(policy.decide(oteren, PATIENT, NOW).basis()).isEqualTo(Basis.CARE_EPISODE);
        facts.onDuty.add("oteren");
        assertThat(policy.decide(oteren, PATIENT, NOW).basis()).isEqualTo(Basis.ON_DUTY);
        facts.gpOffice = "oteren";
        assertThat(policy.decide(oteren, PATIENT, NOW).basis()).isEqualTo(Basis.GP_OFFICE);
    }

    @Test
    void aMessageRelationshipLastsTheWindowAndNoLonger() {
        facts.lastMessage = NOW.minus(Duration.ofDays(90));
        assertThat(policy.decide(oteren, PATIENT, NOW).basis()).isEqualTo(Basis.RECENT_MESSAGE);
        facts.lastMessage = NOW.minus(Duration.ofDays(90)).minusSeconds(1);
        assertThat(policy.decide(oteren, PATIENT, NOW).denial()).isEqualTo(Denial.NO_CARE_RELATIONSHIP);
        assertThat(facts.windowsAsked).allMatch(since -> since.equals(NOW.minus(Duration.ofDays(90))));
    }

    @Test
    void theGpOfficeOfAnotherOfficeAndANonMemberOfficeOfTheClientDoNotCount() {
        facts.gpOffice = "storsteinnes";
        assertThat(policy.decide(oteren, PATIENT, NOW).denial()).isEqualTo(Denial.NO_CARE_RELATIONSHIP);
        // a client acting for a member and a non-member: only the member's relationships count
        facts.gpOffice = "unn";
        assertThat(policy.decide(new Reader("c", "9144889", List.of("oteren", "unn")), PATIENT, NOW).denial())
                .isEqualTo(Denial.NO_CARE_RELATIONSHIP);
    }
}
