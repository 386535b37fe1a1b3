package no.samnav.conformance.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import no.samnav.mappers.Mappers;
import no.samnav.mappers.ReadResult;
import no.samnav.mappers.fhir.Systems;
import no.samnav.mappers.identifiers.NorwegianIds;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

class HarnessMessagesTest {

    static final Path SAMPLE = Path.of("..", "samples", "dialogmelding-1.1-notat.xml");

    private final Mappers mappers = new Mappers();

    @Test
    void eachNoteIsADocumentOfItsOwnAboutOneOfTheSyntheticPatients() throws Exception {
        HarnessMessages messages = new HarnessMessages(SAMPLE);
        DemoParticipant from = DemoParticipant.ALL.get(0);
        DemoParticipant to = DemoParticipant.ALL.get(1);
        Set<String> documents = new HashSet<>();
        Set<String> patients = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String msgId = UUID.randomUUID().toString();
            ReadResult read = mappers.read(messages.note(msgId, from, to));

            assertThat(read.bundle().getIdentifier().getValue()).isEqualTo(msgId);
            Communication note = (Communication) read.bundle().getEntry().stream().map(e -> e.getResource())
                    .filter(Communication.class::isInstance).findFirst().orElseThrow();
            List<String> documentIds = note.getIdentifier().stream()
                    .filter(id -> Systems.KITH_DOCUMENT_ID.equals(id.getSystem())).map(Identifier::getValue).toList();
            assertThat(documentIds).containsExactly(HarnessMessages.documentId(msgId));
            documents.add(documentIds.get(0));
            Patient patient = (Patient) read.bundle().getEntry().stream().map(e -> e.getResource())
                    .filter(Patient.class::isInstance).findFirst().orElseThrow();
            String fnr = patient.getIdentifierFirstRep().getValue();
            assertThat(fnr).isEqualTo(HarnessMessages.patient(msgId));
            patients.add(fnr);
        }
        assertThat(documents).hasSize(200);
        assertThat(patients).hasSizeGreaterThan(150);
    }

    @Test
    void thePatientsAreDistinctSyntheticPersonNumbers() {
        String[] numbers = HarnessMessages.syntheticPatients(HarnessMessages.PATIENTS);

        assertThat(Set.of(numbers)).hasSize(HarnessMessages.PATIENTS);
        for (String number : numbers) {
            assertThat(NorwegianIds.isValidPersonNumber(number)).as(number).isTrue();
            assertThat(Integer.parseInt(number.substring(2, 4))).as("month + 80: " + number).isGreaterThan(80);
        }
    }
}
