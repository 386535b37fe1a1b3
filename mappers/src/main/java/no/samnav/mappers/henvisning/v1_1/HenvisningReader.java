package no.samnav.mappers.henvisning.v1_1;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import no.samnav.mappers.KithStandard;
import no.samnav.mappers.common.HcpParties;
import no.samnav.mappers.core.DocumentEnvelope;
import no.samnav.mappers.core.ReadContext;
import no.samnav.mappers.error.InvalidValueException;
import no.samnav.mappers.fhir.Extensions;
import no.samnav.mappers.fhir.KithCodes;
import no.samnav.mappers.fhir.KithDates;
import no.samnav.mappers.fhir.Systems;
import no.samnav.mappers.henvisning.HenvisningExtensions;
import no.samnav.mappers.henvisning.HenvisningReading;
import no.samnav.mappers.identifiers.NorwegianIds;
import no.samnav.mappers.kodeverk.AppRecErrorCode;
import no.samnav.mappers.kodeverk.KithCodeSystems;
import no.samnav.mappers.kodeverk.Sex;
import no.samnav.mappers.msghead.v1_2.MsgHeadV1_2;
import no.samnav.mappers.xml.XmlElement;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.UrlType;

/**
 * Henvisning 1.1 (HIS 80517 1.1), namespace {@code http://www.kith.no/xmlstds/henvisning/2012-02-15}:
 * XML to FHIR. The document is its own envelope (Message with MsgId, GenDate and the ServReq's
 * parties), usually sent bare: the Message fields fill the MessageHeader and Bundle, the requester
 * becomes the MessageHeader sender and the service provider its destination, so that the referral
 * can be written as Henvisning 2.0 inside a MsgHead. ServReq/RefDoc attachments become
 * DocumentReferences, each a focus of its own, like the attachment Documents of a MsgHead.
 */
public final class HenvisningReader extends HenvisningReading {

    /** Identifier system of Patient/IdByRequester, the patient's id in the referring system. */
    public static final String ID_BY_REQUESTER = "http://samnav.no/fhir/NamingSystem/henvisning-id-by-requester";
    /** Index offset of ServReq/RefDoc attachments in the document grouping of MessageHeader.focus. */
    static final int ATTACHMENT_INDEX = 1000;
    static final String PO_NS = "http://www.kith.no/xmlstds/po/poKomponent/2009-06-30";
    private static final String MESSAGE_STATUS_OID = "2.16.578.1.12.4.1.1.8323";

    public HenvisningReader() {
        super(KithStandard.HENVISNING_1_1);
    }

    @Override
    public List<Reference> read(XmlElement message, ReadContext ctx) {
        MessageHeader header = ctx.header();
        Coding type = KithCodes.cs(message.child("Type"), KithCodeSystems.MESSAGE_TYPE);
        if (!header.hasEvent()) header.setEvent(type != null ? type : messageType(message));
        Extensions.addString(header, HenvisningExtensions.MSG_VERSION, message.textOf("MsgVersion"));
        message.required("MIGversion").text();
        XmlElement genDate = message.required("GenDate");
        if (!ctx.bundle().hasTimestamp()) ctx.bundle().setTimestampElement(KithDates.instant(genDate.attr("V"), genDate));
        XmlElement msgIdElement = message.required("MsgId");
        String msgId = msgIdElement.text().trim();
        if (!ctx.bundle().hasIdentifier()) {
            ctx.bundle().setIdentifier(new Identifier().setSystem(Systems.KITH_MESSAGE_ID).setValue(msgId));
        } else if (!msgId.equals(ctx.bundle().getIdentifier().getValue())) {
            // inside a MsgHead with an id of its own: the document's id has no FHIR home, so it is reported
            ctx.unmapped(msgIdElement.path(), msgIdElement.outerXml());
        }
        Extensions.add(header, HenvisningExtensions.MESSAGE_STATUS, KithCodes.cs(message.child("Status"), MESSAGE_STATUS_OID));

        XmlElement servReq = message.required("ServReq");
        ServiceRequest sr = newReferral();
        XmlElement patientElement = servReq.required("Patient");
        Reference patient = ctx.add(patient(patientElement, sr));
        if (ctx.patient() == null) {
            ctx.setPatient(patient);
            header.addExtension(Extensions.MSGHEAD_PATIENT, patient.copy());
        }
        sr.setSubject(patient.copy());
        Extensions.add(sr, HenvisningExtensions.SERV_TYPE, KithCodes.cs(servReq.required("ServType"), SERV_TYPE_OID));
        issued(when(servReq.required("IssueDate")), sr);
        Extensions.add(sr, HenvisningExtensions.PAYMENT_CAT, KithCodes.cs(servReq.child("PaymentCat"), PAYMENT_CAT_OID));
        Extensions.addString(sr, HenvisningExtensions.REQ_COMMENT, servReq.textOf("ReqComment"));
        Extensions.add(sr, HenvisningExtensions.ACK, KithCodes.cs(servReq.child("Ack"), KithCodeSystems.ACK));
        sr.setCode(new org.hl7.fhir.r4.model.CodeableConcept(KithCodes.cs(servReq.required("MsgDescr"), REFERRAL_TYPE_OID)));
        documentId(servReq.requiredText("Id"), sr);

        // Patient content that 2.0 moved to the Henvisning level.
        Extensions.add(sr, HenvisningExtensions.BASIS_FOR_HEALTH_SERVICES,
                KithCodes.cs(patientElement.child("BasisForHealthServices"), BASIS_OID));
        precautions(patientElement, sr, ctx);
        infItems(patientElement, sr, ctx);
        for (XmlElement rel : patientElement.children("PatRelHCP")) {
            Extension ext = sr.addExtension().setUrl(HenvisningExtensions.PAT_REL_HCP);
            Extensions.addSub(ext, "relation", KithCodes.cs(rel.required("Relation"), "2.16.578.1.12.4.1.1.8254"));
            Extensions.addSub(ext, "start", when(rel.child("StartDateTime")));
            Extensions.addSub(ext, "end", when(rel.child("EndDateTime")));
            Extensions.addSub(ext, "party", HenvisningHcp.read(rel.required("HCP"), ctx));
        }
        for (String name : List.of("AssistertKommunikasjon", "ParorendeForesatt", "ContactPerson", "PatRelInst")) {
            carryAll(sr, patientElement, name);
        }
        XmlElement consent = patientElement.child("Consent");
        if (consent != null) consents(List.of(consent), sr);

        Reference provider = party(servReq.required("ServProvider"), "servProvider", sr, ctx);
        sr.addPerformer(provider.copy());
        Reference requester = party(servReq.required("Requester"), "requester", sr, ctx);
        sr.setRequester(requester.copy());
        addressMessage(header, requester, provider, servReq, ctx);
        carryAll(sr, servReq, "CopyDest");
        List<Reference> focus = new ArrayList<>();
        int index = ATTACHMENT_INDEX;
        List<Reference> attachments = new ArrayList<>();
        for (XmlElement refDoc : servReq.children("RefDoc")) {
            Reference ref = attachment(refDoc, patient, ctx);
            if (ref == null) continue;
            Extension env = DocumentEnvelope.mark(ref, ++index, null);
            Extensions.addSub(env, "msgType", KithCodes.cs(refDoc.required("MsgType"), KithCodeSystems.REF_DOC_TYPE));
            Extensions.addSub(env, "compression", KithCodes.cs(refDoc.child("Compression"), KithCodeSystems.COMPRESSION));
            attachments.add(ref);
        }
        reasons(servReq, sr);
        diagnoses(servReq, sr, ctx);
        reqServ(servReq.required("ReqServ"), sr);
        comments(servReq, sr);
        focus.add(ctx.add(sr));
        focus.addAll(attachments);
        return focus;
    }

    /** Requester / ServProvider: the HCP party, with Role and ComMethod kept beside it. */
    private static Reference party(XmlElement e, String which, ServiceRequest sr, ReadContext ctx) {
        Reference ref = HenvisningHcp.read(e.required("HCP"), ctx);
        Coding role = KithCodes.cs(e.child("Role"), null);
        Coding comMethod = KithCodes.cs(e.child("ComMethod"), KithCodeSystems.COM_METHOD);
        if (role != null || comMethod != null) {
            Extension ext = sr.addExtension().setUrl(HenvisningExtensions.PARTY_ROLE);
            ext.addExtension("party", new StringType(which));
            Extensions.addSub(ext, "role", role);
            Extensions.addSub(ext, "comMethod", comMethod);
        }
        return ref;
    }

    /** A bare 1.1 document addresses itself: requester as sender, service provider as receiver. */
    private static void addressMessage(MessageHeader header, Reference requester, Reference provider, XmlElement servReq,
                                       ReadContext ctx) {
        if (!header.hasSender()) {
            header.setSender(requester.copy());
            Extensions.add(header.getSource(), Extensions.ADDITIONAL_PARTY, personBeside(requester, ctx));
            header.getSource().setEndpointElement(endpoint(requester, ctx));
            Extensions.add(header.getSource(), Extensions.COM_METHOD,
                    KithCodes.cs(servReq.child("Requester").child("ComMethod"), KithCodeSystems.COM_METHOD));
        }
        if (!header.hasDestination()) {
            MessageHeader.MessageDestinationComponent d = header.addDestination();
            d.setReceiver(provider.copy()).setEndpointElement(endpoint(provider, ctx));
            Extensions.add(d, Extensions.ADDITIONAL_PARTY, personBeside(provider, ctx));
            Extensions.add(d, Extensions.COM_METHOD,
                    KithCodes.cs(servReq.child("ServProvider").child("ComMethod"), KithCodeSystems.COM_METHOD));
        }
    }

    /**
     * The one HCPerson of an Inst whose party is its single Dept (the HCPerson belongs to the Inst,
     * beside the Dept), so the MsgHead writes it as the Inst's HealthcareProfessional; else null.
     */
    private static Reference personBeside(Reference party, ReadContext ctx) {
        if (!(ctx.resolve(party) instanceof Organization dept) || !dept.hasPartOf()) return null;
        String inst = dept.getPartOf().getReference();
        Reference found = null;
        for (var entry : ctx.bundle().getEntry()) {
            if (entry.getResource() instanceof PractitionerRole role && role.hasOrganization()
                    && inst.equals(role.getOrganization().getReference())) {
                if (found != null) return null; // several persons: the 2.0 writer reports them
                found = new Reference(entry.getFullUrl());
            }
        }
        return found;
    }

    /** {@code urn:samnav:her:<HER-id>} of the party's most specific HER-id, else data-absent. */
    private static UrlType endpoint(Reference party, ReadContext ctx) {
        String her = null;
        Resource r = ctx.resolve(party);
        if (r instanceof PractitionerRole role) {
            Practitioner p = (Practitioner) ctx.resolve(role.getPractitioner());
            if (p != null) her = her(p.getIdentifier());
            if (her == null) r = ctx.resolve(role.getOrganization());
        }
        if (her == null && r instanceof Organization o) her = her(o.getIdentifier());
        if (her != null) return new UrlType(MsgHeadV1_2.HER_ENDPOINT_PREFIX + her);
        UrlType absent = new UrlType();
        absent.addExtension("http://hl7.org/fhir/StructureDefinition/data-absent-reason", new CodeType("unknown"));
        return absent;
    }

    private static String her(List<Identifier> ids) {
        for (Identifier i : ids) if (Systems.HER.equals(i.getSystem())) return i.getValue();
        return null;
    }

    /** ServReq/Patient: the person; the clinical content under it is read by the caller. */
    private Patient patient(XmlElement e, ServiceRequest sr) {
        Patient p = new Patient();
        XmlElement sexElement = e.child("Sex");
        if (sexElement != null) {
            Coding sex = KithCodes.cs(sexElement, KithCodeSystems.SEX);
            p.setGender(Sex.fromCode(sex.getCode()).map(Sex::gender).orElse(AdministrativeGender.UNKNOWN));
            p.getGenderElement().addExtension(Extensions.KITH_CODE, sex);
        }
        XmlElement birth = e.child("DateOfBirth");
        if (birth != null) {
            String v = birth.attr("V");
            if (v != null) p.setBirthDateElement(KithDates.date(v.length() > 10 ? v.substring(0, 10) : v, birth));
        }
        XmlElement death = e.child("DateOfDeath");
        if (death != null) p.setDeceased(when(death));
        String name = e.textOf("Name");
        if (name != null) p.addName(HcpParties.splitName(name));
        String byRequester = e.textOf("IdByRequester");
        if (byRequester != null) p.addIdentifier().setSystem(ID_BY_REQUESTER).setValue(byRequester.trim());
        XmlElement offId = e.child("OffId");
        if (offId != null) {
            Identifier id = HcpParties.identifier(offId.text(), e.child("TypeOffId"), false);
            if ((Systems.FNR.equals(id.getSystem()) || Systems.DNR.equals(id.getSystem()))
                    && !NorwegianIds.isValidPersonNumber(id.getValue())) {
                throw new InvalidValueException(AppRecErrorCode.E31, offId.location(),
                        "The patient's OffId is not a valid fødselsnummer or D-nummer (11 digits, modulus-11 check digits)");
            }
            p.addIdentifier(id);
        } else if (e.child("TypeOffId") != null) {
            Identifier id = HcpParties.identifier(null, e.child("TypeOffId"), false);
            p.addIdentifier(id);
        }
        for (XmlElement additional : e.children("AdditionalId")) {
            Identifier id = HcpParties.identifier(additional.requiredText("Id"), additional.required("Type"), false);
            id.addExtension(Extensions.ADDITIONAL_ID, new org.hl7.fhir.r4.model.BooleanType(true));
            p.addIdentifier(id);
        }
        XmlElement address = e.child("Address");
        HcpParties.readAddressInto(address, p, null, true);
        return p;
    }

    /** ServReq/RefDoc: an attachment (base64 bytes, a file reference or metadata only) as a DocumentReference. */
    private static Reference attachment(XmlElement refDoc, Reference patient, ReadContext ctx) {
        DocumentReference doc = new DocumentReference();
        doc.setStatus(DocumentReferenceStatus.CURRENT);
        String id = refDoc.textOf("Id");
        if (id != null) doc.setMasterIdentifier(new Identifier().setSystem(Systems.KITH_DOCUMENT_ID).setValue(id));
        doc.setDescription(refDoc.textOf("Description"));
        doc.setSubject(patient.copy());
        Attachment attachment = doc.addContent().getAttachment();
        attachment.setContentType(refDoc.textOf("MimeType"));
        XmlElement issueDate = refDoc.child("IssueDate");
        if (issueDate != null) attachment.setCreationElement(KithDates.dateTime(issueDate.attr("V"), issueDate));
        XmlElement content = refDoc.child("Content");
        if (content != null) {
            XmlElement base64 = content.elements().isEmpty() ? null : content.elements().get(0);
            if (base64 != null && base64.namespace().equals(MsgHeadV1_2.BASE64_NS) && content.elements().size() == 1) {
                base64.markRead();
                try {
                    attachment.setData(Base64.getDecoder().decode(base64.text().replaceAll("\\s+", "")));
                } catch (IllegalArgumentException e) {
                    throw new InvalidValueException(AppRecErrorCode.T02, base64.location(),
                            "Base64Container is not valid base64: " + e.getMessage(), e);
                }
            }
            // other embedded XML stays unread and is carried as unmapped content
        }
        String file = refDoc.textOf("FileReference");
        if (file != null) attachment.setUrl(file.trim());
        return ctx.add(doc);
    }
}
