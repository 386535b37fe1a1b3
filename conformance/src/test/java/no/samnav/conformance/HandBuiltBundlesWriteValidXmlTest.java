package no.samnav.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import no.samnav.conformance.validation.KithSchemas;
import no.samnav.conformance.validation.SharedStandards;
import no.samnav.mappers.KithStandard;
import no.samnav.mappers.Mappers;
import no.samnav.mappers.WriteResult;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.CommunicationRequest;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Message Bundles as a FHIR client posts them, with none of the KITH extensions a reader adds: the
 * writers must still produce schema-valid Dialogmelding and AppRec by filling mandatory elements.
 */
@Tag("conformance")
class HandBuiltBundlesWriteValidXmlTest {

    private static final String HER = "urn:oid:2.16.578.1.12.4.1.2";
    private static KithSchemas schemas;
    private final Mappers mappers = new Mappers();

    @BeforeAll
    static void load() {
        schemas = new KithSchemas(SharedStandards.xsdDir(SharedStandards.require()));
    }

    @ParameterizedTest
    @EnumSource(value = KithStandard.class, names = {"DIALOGMELDING_1_0", "DIALOGMELDING_1_1"})
    void notesAndQuestionsBecomeValidDialogmelding(KithStandard target) {
        for (boolean question : new boolean[] {false, true}) {
            WriteResult written = mappers.write(dialogue(question), target, true);
            assertThat(schemas.validate(written.xml())).as(new String(written.xml(), java.nio.charset.StandardCharsets.UTF_8)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(value = KithStandard.class, names = {"APPREC_1_0", "APPREC_1_1"})
    void aResponseBecomesAValidAppRec(KithStandard target) {
        WriteResult written = mappers.write(response(), target, false);
        assertThat(schemas.validate(written.xml())).as(new String(written.xml(), java.nio.charset.StandardCharsets.UTF_8)).isEmpty();
        assertThat(new String(written.xml(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("V=\"E35\"").contains("<Status V=\"2\"");
    }

    private static Bundle dialogue(boolean question) {
        Bundle bundle = base();
        MessageHeader header = (MessageHeader) bundle.getEntryFirstRep().getResource();
        Patient patient = new Patient();
        patient.addIdentifier(new Identifier().setSystem("urn:oid:2.16.578.1.12.4.1.4.1").setValue("13116900216"));
        patient.addName(new HumanName().setFamily("Strøm").addGiven("Sigrid"));
        add(bundle, patient, "Patient/p");
        Resource focus;
        if (question) {
            CommunicationRequest r = new CommunicationRequest().setStatus(CommunicationRequest.CommunicationRequestStatus.ACTIVE);
            r.setSubject(new Reference("Patient/p"));
            r.addPayload().setContent(new StringType("Ber om oppdatert legemiddelliste."));
            focus = r;
        } else {
            Communication c = new Communication().setStatus(Communication.CommunicationStatus.COMPLETED);
            c.setSubject(new Reference("Patient/p"));
            c.addPayload().setContent(new StringType("Blodtrykk 140/90 < forrige & stabilt."));
            focus = c;
        }
        add(bundle, focus, focus.fhirType() + "/f");
        header.addFocus(new Reference(focus.fhirType() + "/f"));
        return bundle;
    }

    private static Bundle response() {
        Bundle bundle = base();
        MessageHeader header = (MessageHeader) bundle.getEntryFirstRep().getResource();
        header.getEventCoding().setSystem("urn:oid:2.16.578.1.12.4.1.1.8279").setCode("APPREC");
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(OperationOutcome.IssueType.PROCESSING)
                .setDetails(new CodeableConcept(new Coding("urn:oid:2.16.578.1.12.4.1.1.8221", "E35",
                        "Pasienten finnes ikke i mottakersystemet")));
        add(bundle, outcome, "OperationOutcome/o");
        header.getResponse().setIdentifier("0a1b2c3d-1111-4222-8333-444455556666")
                .setCode(MessageHeader.ResponseType.FATALERROR).setDetails(new Reference("OperationOutcome/o"));
        return bundle;
    }

    /** MessageHeader from an office to a doctor at a hospital, both with HER-ids. */
    private static Bundle base() {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.MESSAGE);
        MessageHeader header = new MessageHeader();
        add(bundle, header, "MessageHeader/h");
        Organization office = new Organization().setName("Malangen legekontor");
        office.addIdentifier(new Identifier().setSystem(HER).setValue("8300001"));
        Organization hospital = new Organization().setName("Universitetssykehuset Nord-Norge HF");
        hospital.addIdentifier(new Identifier().setSystem(HER).setValue("8400001"));
        Practitioner doctor = new Practitioner();
        doctor.addName(new HumanName().setFamily("Haugen").addGiven("Per"));
        doctor.addIdentifier(new Identifier().setSystem(HER).setValue("8400002"));
        PractitionerRole role = new PractitionerRole().setPractitioner(new Reference("Practitioner/d"))
                .setOrganization(new Reference("Organization/hospital"));
        add(bundle, office, "Organization/office");
        add(bundle, hospital, "Organization/hospital");
        add(bundle, doctor, "Practitioner/d");
        add(bundle, role, "PractitionerRole/r");
        header.setSender(new Reference("Organization/office"));
        header.getSource().setEndpoint("urn:samnav:her:8300001");
        header.addDestination().setReceiver(new Reference("PractitionerRole/r")).setEndpoint("urn:samnav:her:8400002");
        return bundle;
    }

    private static void add(Bundle bundle, Resource r, String id) {
        r.setId(id);
        bundle.addEntry().setFullUrl("http://example.no/fhir/" + id).setResource(r);
    }

}
