package no.samnav.mappers.msghead.v1_2;

import static org.assertj.core.api.Assertions.assertThat;

import no.samnav.mappers.Fixtures;
import no.samnav.mappers.KithStandard;
import no.samnav.mappers.Mappers;
import no.samnav.mappers.ReadResult;
import no.samnav.mappers.core.DocumentEnvelope;
import no.samnav.mappers.fhir.Extensions;
import no.samnav.mappers.fhir.Systems;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/** Reading of the Hodemelding 1.2 envelope: MsgInfo, parties, patient and several Documents. */
class MsgHeadReaderTest {

    private static final String FIXTURE = "dialogmelding/1.1/helsefaglig-med-vedlegg.xml";
    private final Mappers mappers = new Mappers();

    private ReadResult read() {
        return mappers.read(Fixtures.bytes(FIXTURE));
    }

    @Test
    void readsMsgInfoIntoTheMessageHeader() {
        ReadResult result = read();
        assertThat(result.wrapped()).isTrue();
        assertThat(result.standard()).isEqualTo(KithStandard.DIALOGMELDING_1_1);
        assertThat(result.unmapped()).isEmpty();
        MessageHeader header = (MessageHeader) result.bundle().getEntryFirstRep().getResource();
        assertThat(header.getEventCoding().getCode()).isEqualTo("DIALOG_HELSEFAGLIG");
        assertThat(result.bundle().getIdentifier().getSystem()).isEqualTo(Systems.KITH_MESSAGE_ID);
        assertThat(result.bundle().getIdentifier().getValue()).isEqualTo("0a1b2c3d-1111-4222-8333-444455556666");
        assertThat(result.bundle().getTimestampElement().getValueAsString()).startsWith("2025-03-14T10:15:30");
        assertThat(((org.hl7.fhir.r4.model.Coding) Extensions.value(header, Extensions.ACK)).getCode()).isEqualTo("J");
    }

    @Test
    void readsConversationRef() {
        MessageHeader header = (MessageHeader) read().bundle().getEntryFirstRep().getResource();
        Extension conversation = header.getExtensionByUrl(Extensions.CONVERSATION_REF);
        assertThat(Extensions.subString(conversation, "refToParent")).isEqualTo("11111111-2222-4333-8444-555555555555");
        assertThat(Extensions.subString(conversation, "refToConversation")).isEqualTo("99999999-8888-4777-8666-555555555555");
    }

    @Test
    void readsTheSenderHierarchyWithHerIdsAtEveryLevel() {
        ReadResult result = read();
        MessageHeader header = (MessageHeader) result.bundle().getEntryFirstRep().getResource();
        // The most specific party is the sender: the nurse in the sub-unit of the office.
        assertThat(header.getSource().getEndpoint()).isEqualTo("urn:samnav:her:8100003");
        PractitionerRole nurse = (PractitionerRole) Fixtures.resolve(result.bundle(), header.getSender());
        Practitioner person = (Practitioner) Fixtures.resolve(result.bundle(), nurse.getPractitioner());
        assertThat(person.getNameFirstRep().getFamily()).isEqualTo("Lyngen");
        assertThat(her(person.getIdentifier())).isEqualTo("8100003");
        Organization unit = (Organization) Fixtures.resolve(result.bundle(), nurse.getOrganization());
        assertThat(unit.getName()).isEqualTo("Legekontorets sykepleietjeneste");
        assertThat(her(unit.getIdentifier())).isEqualTo("8100002");
        Organization office = (Organization) Fixtures.resolve(result.bundle(), unit.getPartOf());
        assertThat(office.getName()).isEqualTo("Storsteinnes legekontor");
        assertThat(her(office.getIdentifier())).isEqualTo("8100001");
    }

    @Test
    void readsTheReceiverDepartmentAsPartOfItsInstitution() {
        ReadResult result = read();
        MessageHeader header = (MessageHeader) result.bundle().getEntryFirstRep().getResource();
        MessageHeader.MessageDestinationComponent destination = header.getDestinationFirstRep();
        assertThat(destination.getEndpoint()).isEqualTo("urn:samnav:her:8200002");
        Organization department = (Organization) Fixtures.resolve(result.bundle(), destination.getReceiver());
        assertThat(department.getName()).isEqualTo("Kardiologisk poliklinikk");
        Organization hospital = (Organization) Fixtures.resolve(result.bundle(), department.getPartOf());
        assertThat(her(hospital.getIdentifier())).isEqualTo("8200001");
    }

    @Test
    void readsACopyRecipientAsAFurtherDestinationWithItsRole() {
        ReadResult result = read();
        MessageHeader header = (MessageHeader) result.bundle().getEntryFirstRep().getResource();
        assertThat(header.getDestination()).hasSize(2);
        MessageHeader.MessageDestinationComponent copy = header.getDestination().get(1);
        assertThat(((org.hl7.fhir.r4.model.Coding) Extensions.value(copy, Extensions.ROLE_RECEIVER)).getCode()).isEqualTo("KOPI");
        assertThat(copy.getEndpoint()).isEqualTo("urn:samnav:her:8300009");
        PractitionerRole role = (PractitionerRole) Fixtures.resolve(result.bundle(), copy.getReceiver());
        assertThat(role.hasOrganization()).isFalse();
        String written = Fixtures.utf8(mappers.write(result.bundle(), KithStandard.DIALOGMELDING_1_1, true).xml());
        assertThat(written.replaceAll(">\\s+<", "><"))
                .contains("<OtherReceiver><RoleReceiver V=\"KOPI\" DN=\"Kopimottaker\"/><HealthcareProfessional>");
    }

    @Test
    void readsThePatientAndLinksTheDocumentsToIt() {
        ReadResult result = read();
        Patient patient = Fixtures.one(result.bundle(), Patient.class);
        assertThat(patient.getIdentifierFirstRep().getSystem()).isEqualTo(Systems.FNR);
        assertThat(patient.getIdentifierFirstRep().getValue()).isEqualTo("13116900216");
        assertThat(patient.getNameFirstRep().getFamily()).isEqualTo("Øvrebø");
        assertThat(patient.getNameFirstRep().getGivenAsSingleString()).isEqualTo("Åse");
        assertThat(patient.getBirthDateElement().getValueAsString()).isEqualTo("1969-11-13");
        Communication note = Fixtures.one(result.bundle(), Communication.class);
        assertThat(Fixtures.resolve(result.bundle(), note.getSubject())).isSameAs(patient);
    }

    @Test
    void readsEveryDocumentInOrderWithAttachmentsAsDocumentReferences() throws Exception {
        ReadResult result = read();
        MessageHeader header = (MessageHeader) result.bundle().getEntryFirstRep().getResource();
        assertThat(header.getFocus()).hasSize(3);
        assertThat(header.getFocus()).extracting(f -> DocumentEnvelope.index(f, -1)).containsExactly(1, 2, 3);
        Reference first = header.getFocus().get(0);
        assertThat(DocumentEnvelope.namespace(first)).isEqualTo(KithStandard.DIALOGMELDING_1_1.namespace());
        assertThat(Fixtures.resolve(result.bundle(), first)).isInstanceOf(Communication.class);

        DocumentReference pdf = (DocumentReference) Fixtures.resolve(result.bundle(), header.getFocus().get(1));
        assertThat(pdf.getDescription()).isEqualTo("EKG 2025-03-14");
        assertThat(pdf.getContentFirstRep().getAttachment().getContentType()).isEqualTo("application/pdf");
        byte[] expected = java.util.Base64.getMimeDecoder().decode(base64Of(Fixtures.utf8(Fixtures.bytes(FIXTURE))));
        assertThat(pdf.getContentFirstRep().getAttachment().getData()).isEqualTo(expected);
        assertThat(new String(expected, 0, 8, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-1.4");

        DocumentReference image = (DocumentReference) Fixtures.resolve(result.bundle(), header.getFocus().get(2));
        assertThat(image.getContentFirstRep().getAttachment().getUrl()).isEqualTo("https://vedlegg.example.no/sar-2025-03-14.jpg");
        assertThat(image.getContentFirstRep().getAttachment().hasData()).isFalse();
    }

    @Test
    void writesTheEnvelopeBackWithEveryDocumentAndTheAttachmentBytesUnchanged() {
        ReadResult result = read();
        byte[] written = mappers.write(result.bundle(), KithStandard.DIALOGMELDING_1_1, true).xml();
        ReadResult again = mappers.read(written);
        java.util.List<DocumentReference> before = Fixtures.all(result.bundle(), DocumentReference.class);
        java.util.List<DocumentReference> after = Fixtures.all(again.bundle(), DocumentReference.class);
        assertThat(after).hasSize(2);
        assertThat(after.get(0).getContentFirstRep().getAttachment().getData())
                .isEqualTo(before.get(0).getContentFirstRep().getAttachment().getData());
        String xml = Fixtures.utf8(written);
        assertThat(xml).contains("<RefToConversation>99999999-8888-4777-8666-555555555555</RefToConversation>");
        assertThat(xml).contains("<FileReference>https://vedlegg.example.no/sar-2025-03-14.jpg</FileReference>");
        assertThat(xml.indexOf("8100001")).isLessThan(xml.indexOf("8100002"));
        assertThat(xml.indexOf("8100002")).isLessThan(xml.indexOf("8100003"));
    }

    private static String her(java.util.List<org.hl7.fhir.r4.model.Identifier> identifiers) {
        return identifiers.stream().filter(i -> Systems.HER.equals(i.getSystem())).map(i -> i.getValue()).findFirst().orElse(null);
    }

    private static String base64Of(String xml) {
        int start = xml.indexOf('>', xml.indexOf("<Base64Container")) + 1;
        return xml.substring(start, xml.indexOf("</Base64Container>"));
    }

}
