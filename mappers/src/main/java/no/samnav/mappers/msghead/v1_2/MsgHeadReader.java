package no.samnav.mappers.msghead.v1_2;

import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import no.samnav.mappers.KithStandard;
import no.samnav.mappers.common.Parties;
import no.samnav.mappers.core.DocumentEnvelope;
import no.samnav.mappers.core.DocumentReader;
import no.samnav.mappers.core.ReadContext;
import no.samnav.mappers.error.InvalidValueException;
import no.samnav.mappers.error.MissingElementException;
import no.samnav.mappers.error.UnsupportedContentException;
import no.samnav.mappers.error.UnsupportedFormatException;
import no.samnav.mappers.fhir.Extensions;
import no.samnav.mappers.fhir.KithCodes;
import no.samnav.mappers.fhir.KithDates;
import no.samnav.mappers.fhir.Systems;
import no.samnav.mappers.kodeverk.AppRecErrorCode;
import no.samnav.mappers.kodeverk.KithCodeSystems;
import no.samnav.mappers.xml.XmlElement;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.UrlType;

/**
 * Reads a Hodemelding 1.2 (MsgHead) envelope into the MessageHeader of a FHIR message Bundle and
 * hands each embedded XML document to the reader of its standard. Attachments (Base64Container,
 * FileReference) become DocumentReferences with the bytes unchanged.
 */
public final class MsgHeadReader {

    private final Function<KithStandard, DocumentReader> readers;

    public MsgHeadReader(Function<KithStandard, DocumentReader> readers) {
        this.readers = readers;
    }

    /** Reads the envelope and its documents; returns the standard of the first XML document (or MsgHead). */
    public KithStandard read(XmlElement msgHead, ReadContext ctx) {
        MessageHeader header = ctx.header();
        XmlElement msgInfo = msgHead.required("MsgInfo");
        readMsgInfo(msgInfo, ctx);
        if (msgHead.has("PatientReport")) {
            throw new UnsupportedContentException(msgHead.child("PatientReport").location(),
                    "PatientReport (reporting to health registers) is not routed by this hub; send documents in Document");
        }
        List<XmlElement> documents = msgHead.children("Document");
        if (documents.isEmpty()) {
            throw new MissingElementException(msgHead.location(), "A MsgHead must contain at least one Document");
        }
        KithStandard main = null;
        int index = 0;
        for (XmlElement document : documents) {
            index++;
            KithStandard s = readDocument(document, index, ctx);
            if (main == null && s != null) main = s;
        }
        if (!header.hasFocus()) {
            throw new MissingElementException(msgHead.location(), "The MsgHead carries no document content");
        }
        return main == null ? KithStandard.MSGHEAD_1_2 : main;
    }

    private void readMsgInfo(XmlElement msgInfo, ReadContext ctx) {
        MessageHeader header = ctx.header();
        XmlElement type = msgInfo.required("Type");
        header.setEvent(KithCodes.cs(type, KithCodeSystems.MESSAGE_TYPE));
        if (!header.getEventCoding().hasCode()) {
            throw new MissingElementException(type.location(), "MsgInfo/Type has no V attribute (message type, Volven 8279)");
        }
        msgInfo.required("MIGversion").text();
        XmlElement genDate = msgInfo.required("GenDate");
        ctx.bundle().setTimestampElement(KithDates.instant(genDate.text(), genDate));
        XmlElement msgId = msgInfo.required("MsgId");
        String id = msgId.text().trim();
        checkUuid(id, msgId);
        ctx.bundle().setIdentifier(new Identifier().setSystem(Systems.KITH_MESSAGE_ID).setValue(id));
        Extensions.add(header, Extensions.PROCESSING_STATUS,
                KithCodes.cs(msgInfo.child("ProcessingStatus"), KithCodeSystems.PROCESSING_STATUS));
        Extensions.add(header, Extensions.REQUESTED_PRIORITY,
                KithCodes.cs(msgInfo.child("RequestedPriority"), KithCodeSystems.REQUESTED_PRIORITY));
        Extensions.add(header, Extensions.ACK, KithCodes.cs(msgInfo.child("Ack"), KithCodeSystems.ACK));
        XmlElement conversation = msgInfo.child("ConversationRef");
        if (conversation != null) {
            Extension e = header.addExtension().setUrl(Extensions.CONVERSATION_REF);
            e.addExtension("refToParent", new StringType(conversation.requiredText("RefToParent").trim()));
            e.addExtension("refToConversation", new StringType(conversation.requiredText("RefToConversation").trim()));
        }
        // The patient first, so that documents can refer to it.
        XmlElement patient = msgInfo.child("Patient");
        if (patient != null) {
            Reference ref = ctx.add(Parties.patient(patient));
            ctx.setPatient(ref);
            header.addExtension(Extensions.MSGHEAD_PATIENT, ref.copy());
        }
        XmlElement sender = msgInfo.required("Sender");
        Parties.PartyRefs from = Parties.organisationTree(sender.required("Organisation"), ctx);
        header.setSender(from.primary());
        MessageHeader.MessageSourceComponent source = header.getSource();
        source.setEndpointElement(endpoint(from.primary(), ctx));
        Extensions.add(source, Extensions.COM_METHOD, KithCodes.cs(sender.child("ComMethod"), KithCodeSystems.COM_METHOD));
        addAdditional(source, from);

        XmlElement receiver = msgInfo.required("Receiver");
        Parties.PartyRefs to = Parties.organisationTree(receiver.required("Organisation"), ctx);
        MessageHeader.MessageDestinationComponent destination = header.addDestination();
        destination.setReceiver(to.primary());
        destination.setEndpointElement(endpoint(to.primary(), ctx));
        Extensions.add(destination, Extensions.COM_METHOD, KithCodes.cs(receiver.child("ComMethod"), KithCodeSystems.COM_METHOD));
        addAdditional(destination, to);

        for (XmlElement other : msgInfo.children("OtherReceiver")) {
            MessageHeader.MessageDestinationComponent d = header.addDestination();
            Extensions.add(d, Extensions.COM_METHOD, KithCodes.cs(other.child("ComMethod"), KithCodeSystems.COM_METHOD));
            Extensions.add(d, Extensions.ROLE_RECEIVER, KithCodes.cs(other.required("RoleReceiver"), KithCodeSystems.ROLE_RECEIVER));
            Reference party;
            if (other.has("Organisation")) {
                Parties.PartyRefs refs = Parties.organisationTree(other.child("Organisation"), ctx);
                party = refs.primary();
                addAdditional(d, refs);
            } else if (other.has("HealthcareProfessional")) {
                party = Parties.healthcareProfessional(other.child("HealthcareProfessional"), ctx, null);
            } else if (other.has("Patient")) {
                party = ctx.add(Parties.patient(other.child("Patient")));
            } else if (other.has("Person")) {
                org.hl7.fhir.r4.model.Person person = new org.hl7.fhir.r4.model.Person();
                Parties.personFields(other.child("Person"), person, false);
                party = ctx.add(person);
            } else {
                throw new MissingElementException(other.location(),
                        "OtherReceiver needs an Organisation, HealthcareProfessional, Patient or Person");
            }
            d.setReceiver(party);
            d.setEndpointElement(endpoint(party, ctx));
        }
    }

    private static void addAdditional(org.hl7.fhir.r4.model.Element on, Parties.PartyRefs refs) {
        if (refs.additional() != null) on.addExtension(Extensions.ADDITIONAL_PARTY, refs.additional());
    }

    /** The endpoint of a party: {@code urn:samnav:her:<HER-id>} of its most specific HER-id, else absent. */
    private static UrlType endpoint(Reference party, ReadContext ctx) {
        String her = herId(party, ctx);
        if (her != null) return new UrlType(MsgHeadV1_2.HER_ENDPOINT_PREFIX + her);
        UrlType absent = new UrlType();
        absent.addExtension("http://hl7.org/fhir/StructureDefinition/data-absent-reason",
                new org.hl7.fhir.r4.model.CodeType("unknown"));
        return absent;
    }

    static String herId(Reference party, ReadContext ctx) {
        Resource r = ctx.resolve(party);
        if (r instanceof PractitionerRole role) {
            org.hl7.fhir.r4.model.Practitioner p = (org.hl7.fhir.r4.model.Practitioner) ctx.resolve(role.getPractitioner());
            if (p != null) {
                for (Identifier i : p.getIdentifier()) if (Systems.HER.equals(i.getSystem())) return i.getValue();
            }
            r = ctx.resolve(role.getOrganization());
        }
        if (r instanceof Organization o) {
            for (Identifier i : o.getIdentifier()) if (Systems.HER.equals(i.getSystem())) return i.getValue();
        }
        return null;
    }

    /** Reads one Document; returns the standard of its XML content, or null for attachments. */
    private KithStandard readDocument(XmlElement document, int index, ReadContext ctx) {
        XmlElement refDoc = document.required("RefDoc");
        XmlElement msgType = refDoc.required("MsgType");
        Coding refDocType = KithCodes.cs(msgType, KithCodeSystems.REF_DOC_TYPE);
        XmlElement content = refDoc.child("Content");
        XmlElement fileReference = refDoc.child("FileReference");
        XmlElement embedded = content == null || content.elements().isEmpty() ? null : content.elements().get(0);
        if (content != null && content.elements().size() > 1) {
            throw new UnsupportedContentException(content.location(),
                    "RefDoc/Content holds more than one document; put each document in its own Document");
        }
        KithStandard standard = null;
        List<Reference> focus;
        if (embedded != null && !embedded.namespace().equals(MsgHeadV1_2.BASE64_NS)) {
            embedded.markRead();
            standard = KithStandard.fromNamespace(embedded.namespace(), embedded.location());
            if (!embedded.name().equals(standard.rootElement())) {
                throw new UnsupportedFormatException(embedded.location(), "Expected document element "
                        + standard.rootElement() + " for " + standard.displayName() + ", found " + embedded.name());
            }
            DocumentReader reader = readers.apply(standard);
            if (reader == null) {
                throw new UnsupportedFormatException(embedded.location(),
                        standard.displayName() + " is not supported inside a MsgHead");
            }
            focus = reader.read(embedded, ctx);
        } else {
            focus = List.of(ctx.add(attachment(refDoc, embedded, fileReference, ctx)));
        }
        Extension envelope = null;
        for (Reference ref : focus) {
            Extension e = DocumentEnvelope.mark(ref, index, standard == null ? null : standard.namespace());
            if (envelope == null) envelope = e;
            ctx.header().addFocus(ref);
        }
        // Document-level fields (all optional) and the RefDoc fields an XML document has no home for.
        Extensions.addSub(envelope, "documentConnection", KithCodes.cs(document.child("DocumentConnection"),
                KithCodeSystems.DOCUMENT_CONNECTION));
        Extensions.addSub(envelope, "contentType", KithCodes.cv(document.child("ContentType")));
        Extensions.addSubString(envelope, "contentDescription", document.textOf("ContentDescription"));
        Extensions.addSub(envelope, "contentCategory", KithCodes.cv(document.child("ContentCategory")));
        Extensions.addSub(envelope, "consent", KithCodes.cv(document.child("Consent")));
        Extensions.addSubString(envelope, "annotation", document.textOf("Annotation"));
        Extensions.addSub(envelope, "fromDate", KithDates.dateTime(attrV(document.child("FromDate")), document.child("FromDate")));
        Extensions.addSub(envelope, "toDate", KithDates.dateTime(attrV(document.child("ToDate")), document.child("ToDate")));
        Extensions.addSubString(envelope, "oidRef", document.textOf("OidRef"));
        Extensions.addSubString(envelope, "enquiryRefId", document.textOf("EnquiryRefId"));
        Extensions.addSub(envelope, "msgType", refDocType);
        Extensions.addSub(envelope, "compression", KithCodes.cs(refDoc.child("Compression"), KithCodeSystems.COMPRESSION));
        if (standard != null) {
            Extensions.addSub(envelope, "issueDate",
                    KithDates.dateTime(attrV(refDoc.child("IssueDate")), refDoc.child("IssueDate")));
            Extensions.addSubString(envelope, "id", refDoc.textOf("Id"));
            Extensions.addSubString(envelope, "mimeType", refDoc.textOf("MimeType"));
            Extensions.addSubString(envelope, "description", refDoc.textOf("Description"));
        }
        return standard;
    }

    private static String attrV(XmlElement e) {
        return e == null ? null : e.attr("V");
    }

    /** An attachment (vedlegg): Base64Container bytes, a file reference, or metadata only. */
    private static DocumentReference attachment(XmlElement refDoc, XmlElement base64, XmlElement fileReference, ReadContext ctx) {
        DocumentReference doc = new DocumentReference();
        doc.setStatus(DocumentReferenceStatus.CURRENT);
        String id = refDoc.textOf("Id");
        if (id != null) doc.setMasterIdentifier(new Identifier().setSystem(Systems.KITH_DOCUMENT_ID).setValue(id));
        doc.setDescription(refDoc.textOf("Description"));
        if (ctx.patient() != null) doc.setSubject(ctx.patient());
        Attachment attachment = doc.addContent().getAttachment();
        attachment.setContentType(refDoc.textOf("MimeType"));
        XmlElement issueDate = refDoc.child("IssueDate");
        if (issueDate != null) attachment.setCreationElement(KithDates.dateTime(issueDate.attr("V"), issueDate));
        if (base64 != null) {
            base64.markRead();
            try {
                attachment.setData(Base64.getDecoder().decode(stripWhitespace(base64.text())));
            } catch (IllegalArgumentException e) {
                throw new InvalidValueException(AppRecErrorCode.T02, base64.location(),
                        "Base64Container is not valid base64: " + e.getMessage(), e);
            }
        }
        if (fileReference != null) attachment.setUrl(fileReference.text().trim());
        return doc;
    }

    private static String stripWhitespace(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') sb.append(c);
        }
        return sb.toString();
    }

    private static void checkUuid(String id, XmlElement where) {
        try {
            UUID.fromString(id);
            if (id.length() == 36) return;
        } catch (IllegalArgumentException notUuid) {
            // reported below
        }
        throw new InvalidValueException(AppRecErrorCode.E10, where.location(),
                "MsgId must be a UUID (HIS 80415: invalid message identifier)");
    }
}
