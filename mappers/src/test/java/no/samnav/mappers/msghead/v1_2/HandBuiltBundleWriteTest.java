package no.samnav.mappers.msghead.v1_2;

import static org.assertj.core.api.Assertions.assertThat;

import no.samnav.mappers.Fixtures;
import no.samnav.mappers.KithStandard;
import no.samnav.mappers.Mappers;
import no.samnav.mappers.ReadResult;
import no.samnav.mappers.WriteResult;
import no.samnav.mappers.fhir.Systems;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

/**
 * A message Bundle as a FHIR client would post it (no KITH extensions): the writers must fill the
 * mandatory KITH elements sensibly and carry the patient and every note.
 */
public class HandBuiltBundleWriteTest {

    /** Two notes about one patient from an office to a hospital department, no KITH extensions. */
    public static Bundle clientBundle() {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.MESSAGE);
        MessageHeader header = new MessageHeader();
        add(bundle, header, "MessageHeader/1");
        Organization office = new Organization().setName("Malangen legekontor");
        office.addIdentifier(new Identifier().setSystem(Systems.HER).setValue("8300001"));
        Organization hospital = new Organization().setName("Universitetssykehuset Nord-Norge HF");
        hospital.addIdentifier(new Identifier().setSystem(Systems.HER).setValue("8400001"));
        Patient patient = new Patient();
        patient.addIdentifier(new Identifier().setSystem(Systems.FNR).setValue("13116900216"));
        patient.addName(new HumanName().setFamily("Strøm").addGiven("Sigrid"));
        add(bundle, office, "Organization/office");
        add(bundle, hospital, "Organization/hospital");
        add(bundle, patient, "Patient/p");
        header.getEventCoding().setSystem(Systems.MESSAGE_TYPE);
        header.setSender(new Reference("Organization/office"));
        header.getSource().setEndpoint("urn:samnav:her:8300001");
        header.addDestination().setReceiver(new Reference("Organization/hospital")).setEndpoint("urn:samnav:her:8400001");
        for (int i = 1; i <= 2; i++) {
            Communication note = new Communication().setStatus(Communication.CommunicationStatus.COMPLETED);
            note.setSubject(new Reference("Patient/p"));
            note.addPayload().setContent(new org.hl7.fhir.r4.model.StringType("Notat " + i + ": blodtrykk 140/90 & stabilt."));
            add(bundle, note, "Communication/n" + i);
            header.addFocus(new Reference("Communication/n" + i));
        }
        return bundle;
    }

    private static void add(Bundle bundle, Resource r, String id) {
        r.setId(id);
        bundle.addEntry().setFullUrl("http://example.no/fhir/" + id).setResource(r);
    }

    @Test
    void writesMandatoryElementsThePatientAndEveryNote() {
        Mappers mappers = new Mappers();
        WriteResult written = mappers.write(clientBundle(), KithStandard.DIALOGMELDING_1_1, true);
        String xml = Fixtures.utf8(written.xml());
        assertThat(xml).contains("<Type V=\"DIALOG_HELSEFAGLIG\"").contains("<MIGversion>v1.2 2006-05-24</MIGversion>")
                .contains("<MsgId>").contains("<GenDate>")
                .contains("<TemaKodet V=\"6\"")
                .contains("<FamilyName>Strøm</FamilyName>").contains("<Id>13116900216</Id>");
        assertThat(xml.split("<Dialogmelding ", -1)).hasSize(3);
        ReadResult back = mappers.read(written.xml());
        assertThat(Fixtures.all(back.bundle(), Communication.class)).hasSize(2);
        assertThat(Fixtures.one(back.bundle(), Patient.class).getIdentifierFirstRep().getValue()).isEqualTo("13116900216");
    }

    @Test
    void reportsWhatANotatCannotHold() {
        Bundle bundle = clientBundle();
        Communication note = Fixtures.all(bundle, Communication.class).get(0);
        note.addNote().setText("første merknad");
        note.addNote().setText("andre merknad");
        note.addIdentifier(new Identifier().setSystem("urn:ietf:rfc:3986").setValue("urn:uuid:6b1e0c36-5f0e-4d0c-9a52-1a2b3c4d5e6f"));
        note.setSentElement(new org.hl7.fhir.r4.model.DateTimeType("2025-03-14T10:15:00+01:00"));
        WriteResult written = new Mappers().write(bundle, KithStandard.DIALOGMELDING_1_1, true);
        String notat = "/MsgHead/Document/RefDoc/Content/Dialogmelding/Notat/";
        assertThat(written.losses().losses()).extracting(no.samnav.mappers.Loss::path)
                .containsExactlyInAnyOrder(notat + "Merknad", notat + "DokIdNotat", notat + "DatoNotat");
        assertThat(Fixtures.utf8(written.xml())).contains("<Merknad>første merknad</Merknad>").contains("<DatoNotat>2025-03-14</DatoNotat>");
    }
}
