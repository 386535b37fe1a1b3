package no.samnav.mappers.notice;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import no.samnav.mappers.KithStandard;
import no.samnav.mappers.core.DocumentEnvelope;
import no.samnav.mappers.dialogmelding.DialogmeldingExtensions;
import no.samnav.mappers.fhir.Extensions;
import no.samnav.mappers.fhir.KithCodes;
import no.samnav.mappers.fhir.KithDates;
import no.samnav.mappers.fhir.NoBasisProfiles;
import no.samnav.mappers.fhir.Systems;
import no.samnav.mappers.kodeverk.IdentifierType;
import no.samnav.mappers.kodeverk.KithCodeSystems;
import no.samnav.mappers.msghead.v1_2.MsgHeadV1_2;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;

/**
 * A Dialogmelding note (helsefaglig dialog) the gateway originates itself, e.g. from the midwife
 * service to a patient's GP when an antenatal check crosses a threshold. {@link #toBundle()} gives
 * the canonical FHIR message Bundle: the shape the Dialogmelding reader produces from a Hodemelding,
 * so {@code Mappers.readBundle} takes it and {@code Mappers.write} writes it as Dialogmelding 1.0 or
 * 1.1 inside a MsgHead, like any message read from KITH XML.
 *
 * <p>Pure and deterministic: the same input gives the same Bundle (resource ids are derived from
 * the message id), so a retried origination produces an identical message.
 *
 * @param sender   the sending organisation, optional sub-unit and the author (with HPR-nummer); required
 * @param receiver the receiving organisation, optional sub-unit and optional GP (with HER-id); required
 * @param patient  the patient; required
 * @param note     the note and its ids; required
 */
public record ClinicalNotice(NoticeParty sender, NoticeParty receiver, NoticePatient patient, NoticeNote note) {

    /** Message type as the reader gives a Dialogmelding 1.1 note; the 1.0 writer sends DIALOG_NOTAT instead. */
    static final Coding MESSAGE_TYPE = new Coding(Systems.MESSAGE_TYPE, "DIALOG_HELSEFAGLIG", "Helsefaglig dialog");
    /** Notat/TemaKodet (Volven 7322), as in the project's samples of notes about a patient. */
    static final Coding THEME_CODE = new Coding(Systems.volven("7322"), "6", "Henvendelse om pasient");

    /** @throws IllegalArgumentException when a required part is missing; the message never holds patient data */
    public ClinicalNotice {
        Inputs.present("sender", sender);
        Inputs.present("receiver", receiver);
        Inputs.present("patient", patient);
        Inputs.present("note", note);
        Inputs.present("sender.person (the author of the note)", sender.person());
        Inputs.present("sender.person.hprNumber", sender.person().hprNumber());
        if (receiver.person() != null) {
            // the GP's HER-id is what the message is routed by; a name alone addresses no one
            Inputs.present("receiver.person.herId", receiver.person().herId());
        }
    }

    /** The canonical FHIR message Bundle (type message, MessageHeader first) of this notice. */
    public Bundle toBundle() {
        Builder b = new Builder(note.messageId());
        Bundle bundle = b.bundle;
        OffsetDateTime issued = note.issued().truncatedTo(ChronoUnit.SECONDS);
        bundle.setType(Bundle.BundleType.MESSAGE);
        bundle.setIdentifier(new Identifier().setSystem(Systems.KITH_MESSAGE_ID).setValue(note.messageId()));
        bundle.setTimestampElement(new InstantType(issued.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)));
        // as if read from a MsgHead: Mappers.write then wraps the note in one, as Dialogmelding requires
        bundle.getMeta().addTag(Systems.ENVELOPE, "msghead-1.2", "Hodemelding 1.2");

        MessageHeader header = new MessageHeader();
        b.add(header);
        Reference patientRef = b.add(patientResource());
        Reference senderRef = b.party(sender);
        Reference receiverRef = b.party(receiver);

        header.addExtension(Extensions.ACK, new Coding(Systems.ofOid(KithCodeSystems.ACK), "J", "Ja"));
        header.addExtension(Extensions.MSGHEAD_PATIENT, patientRef.copy());
        header.setEvent(MESSAGE_TYPE.copy());
        header.setSender(senderRef);
        header.getSource().setEndpoint(MsgHeadV1_2.HER_ENDPOINT_PREFIX + routingHerId(sender));
        header.addDestination().setReceiver(receiverRef)
                .setEndpoint(MsgHeadV1_2.HER_ENDPOINT_PREFIX + routingHerId(receiver));

        Communication communication = communication(patientRef, senderRef, receiverRef, issued);
        Reference focus = b.add(communication);
        Extension document = DocumentEnvelope.mark(focus, 1, KithStandard.DIALOGMELDING_1_1.namespace());
        Extensions.addSub(document, "msgType", new Coding(Systems.ofOid(KithCodeSystems.REF_DOC_TYPE), "XML", "XML-instans"));
        Extensions.addSub(document, "issueDate", new DateTimeType(issued.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)));
        header.addFocus(focus);

        NoBasisProfiles.declare(bundle);
        return bundle;
    }

    private Patient patientResource() {
        Patient p = new Patient();
        IdentifierType type = patient.isDNumber() ? IdentifierType.DNR : IdentifierType.FNR;
        p.addIdentifier(identifier(type, patient.fnr()));
        p.addName(new HumanName().setFamily(patient.familyName()).addGiven(patient.givenName()));
        if (patient.sex() != null) {
            p.setGender(patient.sex().gender());
            // the exact KITH code, as the reader keeps it: 9 (ikke spesifisert) and FHIR 'other' differ in meaning
            p.getGenderElement().addExtension(Extensions.KITH_CODE, KithCodes.coding(patient.sex()));
        }
        p.setBirthDateElement(new DateType(patient.birthDate().toString()));
        return p;
    }

    private Communication communication(Reference patientRef, Reference senderRef, Reference receiverRef,
            OffsetDateTime issued) {
        Communication c = new Communication();
        c.setStatus(Communication.CommunicationStatus.COMPLETED);
        c.setSubject(patientRef.copy());
        c.setSender(senderRef.copy());
        c.addRecipient(receiverRef.copy());
        c.setTopic(new CodeableConcept(THEME_CODE.copy()));
        Extensions.addString(c, DialogmeldingExtensions.TEMA, note.theme());
        c.addPayload().setContent(new StringType(note.body()));
        c.addIdentifier(new Identifier().setSystem(Systems.KITH_DOCUMENT_ID).setValue(note.documentId()));
        // DatoNotat is a date: a day precision keeps the writer from reporting the time of day as lost
        c.setSentElement(new DateTimeType(issued.atZoneSameInstant(KithDates.NORWAY).toLocalDate().toString()));
        return c;
    }

    /** The HER-id a party is addressed by: the person's own, else the most specific unit's. */
    private static String routingHerId(NoticeParty party) {
        if (party.person() != null && party.person().herId() != null) return party.person().herId();
        return party.subUnit() != null ? party.subUnit().herId() : party.organisation().herId();
    }

    private static Identifier identifier(IdentifierType type, String value) {
        return new Identifier().setSystem(type.fhirSystem()).setValue(value).setType(KithCodes.concept(type));
    }

    /** Entries with ids derived from the message id, referenced by their urn:uuid: fullUrl as the reader does. */
    private static final class Builder {

        final Bundle bundle = new Bundle();
        private final String seed;
        private int counter;

        Builder(String seed) {
            this.seed = "clinical-notice:" + seed;
        }

        Reference add(Resource resource) {
            counter++;
            String id = UUID.nameUUIDFromBytes((seed + "#" + counter).getBytes(StandardCharsets.UTF_8)).toString();
            resource.setId(id);
            String fullUrl = "urn:uuid:" + id;
            bundle.addEntry().setFullUrl(fullUrl).setResource(resource);
            return new Reference(fullUrl);
        }

        /**
         * The organisation, its sub-unit (partOf the organisation) and the person working at the
         * most specific of them; returns the most specific party, which MessageHeader refers to.
         * The person sits in the sub-unit (not beside it, a shape the reader also knows) because
         * that is where a midwife or GP works and where the address register places them.
         */
        Reference party(NoticeParty party) {
            Reference unit = add(organization(party.organisation(), null));
            if (party.subUnit() != null) unit = add(organization(party.subUnit(), unit));
            NoticeParty.Professional person = party.person();
            if (person == null) return unit;
            Practitioner practitioner = new Practitioner();
            if (person.hprNumber() != null) practitioner.addIdentifier(identifier(IdentifierType.HPR, person.hprNumber()));
            if (person.herId() != null) practitioner.addIdentifier(identifier(IdentifierType.HER_PERSON, person.herId()));
            practitioner.addName(new HumanName().setFamily(person.familyName()).addGiven(person.givenName()));
            Reference practitionerRef = add(practitioner);
            PractitionerRole role = new PractitionerRole().setPractitioner(practitionerRef).setOrganization(unit.copy());
            if (person.roleCode() != null || person.roleText() != null) {
                // TypeHealthcareProfessional is a CS (code and display only): the text travels as the display
                role.addCode(new CodeableConcept(new Coding(Systems.ofOid(KithCodeSystems.HEALTHCARE_PROFESSIONAL_TYPE),
                        person.roleCode(), person.roleText())));
            }
            return add(role);
        }

        private static Organization organization(NoticeParty.Unit unit, Reference partOf) {
            Organization o = new Organization().setName(unit.name());
            o.addIdentifier(identifier(IdentifierType.HER, unit.herId()));
            if (partOf != null) o.setPartOf(partOf.copy());
            return o;
        }
    }
}
