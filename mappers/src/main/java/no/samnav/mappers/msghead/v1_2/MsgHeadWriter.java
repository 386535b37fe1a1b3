package no.samnav.mappers.msghead.v1_2;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import no.samnav.mappers.KithStandard;
import no.samnav.mappers.common.Parties;
import no.samnav.mappers.core.DocumentEnvelope;
import no.samnav.mappers.core.DocumentWriter;
import no.samnav.mappers.core.WriteContext;
import no.samnav.mappers.error.Location;
import no.samnav.mappers.error.UnsupportedContentException;
import no.samnav.mappers.fhir.Extensions;
import no.samnav.mappers.fhir.KithCodes;
import no.samnav.mappers.fhir.KithDates;
import no.samnav.mappers.xml.XmlOut;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Person;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Writes a canonical FHIR message Bundle as a Hodemelding 1.2 envelope with one Document per
 * document group of MessageHeader.focus; XML documents are written by the writer of their standard.
 */
public final class MsgHeadWriter {

    private static final Parties.Style STYLE = new Parties.Style(MsgHeadV1_2.NS, MsgHeadV1_2.NS);

    private final Function<KithStandard, DocumentWriter> writers;

    public MsgHeadWriter(Function<KithStandard, DocumentWriter> writers) {
        this.writers = writers;
    }

    /** Writes the message with its main XML document in the {@code target} standard. */
    public byte[] write(WriteContext ctx) {
        Bundle bundle = ctx.bundle();
        MessageHeader header = ctx.header();
        List<List<Reference>> groups = DocumentEnvelope.groups(header);
        List<Plan> plans = plan(groups, ctx);

        XmlOut out = new XmlOut();
        out.root(MsgHeadV1_2.NS, "MsgHead");
        out.start("MsgInfo");
        Coding type = header.getEventCoding();
        for (Plan p : plans) {
            if (p.writer != null && p.standard == ctx.target()) {
                type = p.writer.messageType(p.resources, type, ctx);
                break;
            }
        }
        KithCodes.writeCs(out, MsgHeadV1_2.NS, "Type", type);
        out.leaf("MIGversion", MsgHeadV1_2.MIG_VERSION);
        out.leaf("GenDate", bundle.hasTimestamp() ? KithDates.toKithDateTime(bundle.getTimestampElement())
                : KithDates.toKithDateTime(new org.hl7.fhir.r4.model.DateTimeType(new java.util.Date())));
        out.leaf("MsgId", messageId(bundle));
        KithCodes.writeCs(out, MsgHeadV1_2.NS, "ProcessingStatus", (Coding) Extensions.value(header, Extensions.PROCESSING_STATUS));
        KithCodes.writeCs(out, MsgHeadV1_2.NS, "RequestedPriority", (Coding) Extensions.value(header, Extensions.REQUESTED_PRIORITY));
        KithCodes.writeCs(out, MsgHeadV1_2.NS, "Ack", (Coding) Extensions.value(header, Extensions.ACK));
        Extension conversation = header.getExtensionByUrl(Extensions.CONVERSATION_REF);
        if (conversation != null) {
            out.start("ConversationRef");
            out.leaf("RefToParent", Extensions.subString(conversation, "refToParent"));
            out.leaf("RefToConversation", Extensions.subString(conversation, "refToConversation"));
            out.end();
        }
        out.start("Sender");
        KithCodes.writeCs(out, MsgHeadV1_2.NS, "ComMethod", (Coding) Extensions.value(header.getSource(), Extensions.COM_METHOD));
        requireParty(header.getSender(), "MessageHeader.sender", ctx);
        writeParty(out, "/MsgHead/MsgInfo/Sender", "MessageHeader.sender", header.getSender(),
                (Reference) Extensions.value(header.getSource(), Extensions.ADDITIONAL_PARTY), ctx);
        out.end();
        if (!header.hasDestination()) {
            throw new UnsupportedContentException(Location.ofPath("MessageHeader.destination"),
                    "A MsgHead needs a receiver: MessageHeader.destination is empty");
        }
        MessageHeader.MessageDestinationComponent receiver = header.getDestinationFirstRep();
        out.start("Receiver");
        KithCodes.writeCs(out, MsgHeadV1_2.NS, "ComMethod", (Coding) Extensions.value(receiver, Extensions.COM_METHOD));
        requireParty(receiver.getReceiver(), "MessageHeader.destination[0].receiver", ctx);
        writeParty(out, "/MsgHead/MsgInfo/Receiver", "MessageHeader.destination[0].receiver", receiver.getReceiver(),
                (Reference) Extensions.value(receiver, Extensions.ADDITIONAL_PARTY), ctx);
        out.end();
        for (int i = 1; i < header.getDestination().size(); i++) {
            writeOtherReceiver(out, header.getDestination().get(i), ctx);
        }
        Reference patientRef = (Reference) Extensions.value(header, Extensions.MSGHEAD_PATIENT);
        Patient patient = patientRef != null ? ctx.resolve(patientRef, Patient.class) : subjectOfFocus(plans, ctx);
        if (patient != null) {
            out.start("Patient");
            Parties.writePersonFields(out, STYLE, patient, false, ctx);
            out.end();
        }
        out.end(); // MsgInfo

        for (Plan p : plans) writeDocument(out, p, ctx);
        for (Extension unmapped : header.getExtensionsByUrl(Extensions.UNMAPPED)) {
            ctx.loss(Extensions.subString(unmapped, "path"), "MessageHeader.extension('" + Extensions.UNMAPPED + "')",
                    "source content no mapping covers; carried in the FHIR Bundle, not written");
        }
        return out.finish();
    }

    /** One Document to write: its focus references, resources, and the writer for XML content. */
    private record Plan(List<Reference> refs, List<Resource> resources, KithStandard standard, DocumentWriter writer) {
    }

    private List<Plan> plan(List<List<Reference>> groups, WriteContext ctx) {
        List<Plan> plans = new ArrayList<>();
        boolean targetUsed = false;
        for (List<Reference> group : groups) {
            List<Resource> resources = new ArrayList<>();
            for (Reference r : group) {
                Resource res = ctx.resolve(r);
                if (res == null) {
                    throw new UnsupportedContentException(Location.ofPath("MessageHeader.focus"),
                            "MessageHeader.focus " + r.getReference() + " does not resolve to a Bundle entry");
                }
                resources.add(res);
            }
            if (resources.size() == 1 && resources.get(0) instanceof DocumentReference
                    && DocumentEnvelope.namespace(group.get(0)) == null) {
                plans.add(new Plan(group, resources, null, null));
                continue;
            }
            KithStandard standard = null;
            DocumentWriter writer = null;
            DocumentWriter targetWriter = writers.apply(ctx.target());
            if (!targetUsed && targetWriter != null && targetWriter.canWrite(resources)) {
                standard = ctx.target();
                writer = targetWriter;
                targetUsed = true;
            } else {
                String ns = DocumentEnvelope.namespace(group.get(0));
                standard = ns == null ? null : KithStandard.forNamespace(ns).orElse(null);
                writer = standard == null ? null : writers.apply(standard);
                if (writer == null && ns == null && targetWriter != null && targetWriter.canWrite(resources)) {
                    // Further focus without a recorded envelope (a Bundle built by a FHIR client):
                    // another Document of the target standard.
                    standard = ctx.target();
                    writer = targetWriter;
                }
                if (writer == null || !writer.canWrite(resources)) {
                    throw new UnsupportedContentException(Location.ofPath("MessageHeader.focus"),
                            "No " + ctx.target().displayName() + " writer for focus resources "
                                    + resources.stream().map(Resource::fhirType).toList());
                }
            }
            plans.add(new Plan(group, resources, standard, writer));
        }
        if (!targetUsed && ctx.target() != KithStandard.MSGHEAD_1_2) {
            throw new UnsupportedContentException(Location.ofPath("MessageHeader.focus"),
                    "The message holds no content that can be written as " + ctx.target().displayName());
        }
        return plans;
    }

    private void writeDocument(XmlOut out, Plan plan, WriteContext ctx) {
        Extension env = plan.refs.get(0).getExtensionByUrl(Extensions.DOCUMENT);
        out.start("Document");
        KithCodes.writeCs(out, MsgHeadV1_2.NS, "DocumentConnection", (Coding) Extensions.sub(env, "documentConnection"));
        KithCodes.writeCv(out, MsgHeadV1_2.NS, "ContentType", (CodeableConcept) Extensions.sub(env, "contentType"));
        out.leaf("ContentDescription", Extensions.subString(env, "contentDescription"));
        KithCodes.writeCv(out, MsgHeadV1_2.NS, "ContentCategory", (CodeableConcept) Extensions.sub(env, "contentCategory"));
        KithCodes.writeCv(out, MsgHeadV1_2.NS, "Consent", (CodeableConcept) Extensions.sub(env, "consent"));
        out.leaf("Annotation", Extensions.subString(env, "annotation"));
        ts(out, "FromDate", (BaseDateTimeType) Extensions.sub(env, "fromDate"));
        ts(out, "ToDate", (BaseDateTimeType) Extensions.sub(env, "toDate"));
        out.leaf("OidRef", Extensions.subString(env, "oidRef"));
        out.leaf("EnquiryRefId", Extensions.subString(env, "enquiryRefId"));
        out.start("RefDoc");
        Coding msgType = (Coding) Extensions.sub(env, "msgType");
        Coding compression = (Coding) Extensions.sub(env, "compression");
        if (plan.writer == null) {
            DocumentReference doc = (DocumentReference) plan.resources.get(0);
            Attachment a = doc.getContentFirstRep().getAttachment();
            ts(out, "IssueDate", a.getCreationElement());
            KithCodes.writeCs(out, MsgHeadV1_2.NS, "MsgType", msgType != null ? msgType : new Coding(null, "A", "Vedlegg"));
            AttachmentRefDoc.write(out, MsgHeadV1_2.NS, doc, a, compression);
        } else {
            ts(out, "IssueDate", (BaseDateTimeType) Extensions.sub(env, "issueDate"));
            KithCodes.writeCs(out, MsgHeadV1_2.NS, "MsgType", msgType != null ? msgType : new Coding(null, "XML", "XML-instans"));
            out.leaf("Id", Extensions.subString(env, "id"));
            out.leaf("MimeType", Extensions.subString(env, "mimeType"));
            out.leaf("Description", Extensions.subString(env, "description"));
            KithCodes.writeCs(out, MsgHeadV1_2.NS, "Compression", compression);
            out.start("Content");
            plan.writer.write(plan.resources, ctx, out);
            out.end();
        }
        out.end(); // RefDoc
        out.end(); // Document
    }

    private static void ts(XmlOut out, String name, BaseDateTimeType value) {
        String v = KithDates.toKith(value);
        if (v != null) out.attributesOnly(out.currentNamespace(), name, "V", v);
    }

    private void writeOtherReceiver(XmlOut out, MessageHeader.MessageDestinationComponent d, WriteContext ctx) {
        out.start("OtherReceiver");
        KithCodes.writeCs(out, MsgHeadV1_2.NS, "ComMethod", (Coding) Extensions.value(d, Extensions.COM_METHOD));
        Coding role = (Coding) Extensions.value(d, Extensions.ROLE_RECEIVER);
        KithCodes.writeCs(out, MsgHeadV1_2.NS, "RoleReceiver", role != null ? role : new Coding(null, "KOPI", "Kopimottaker"));
        Resource party = ctx.resolve(d.getReceiver());
        if (party instanceof Patient p) {
            out.start("Patient");
            Parties.writePersonFields(out, STYLE, p, false, ctx);
            out.end();
        } else if (party instanceof Person p) {
            out.start("Person");
            Parties.writePersonFields(out, STYLE, p, false, ctx);
            out.end();
        } else if (party instanceof PractitionerRole role2 && !role2.hasOrganization()) {
            Parties.writeHealthcareProfessional(out, STYLE, "HealthcareProfessional", role2, ctx);
        } else {
            Parties.writeOrganisationTree(out, STYLE, d.getReceiver(),
                    (Reference) Extensions.value(d, Extensions.ADDITIONAL_PARTY), ctx);
        }
        out.end();
    }

    /**
     * The patient of a Bundle that did not come from a MsgHead (no kith-msghead-patient): the
     * Patient the first XML document's focus resources are about, so MsgInfo/Patient is not lost.
     */
    private static Patient subjectOfFocus(List<Plan> plans, WriteContext ctx) {
        for (Plan p : plans) {
            if (p.writer == null) continue;
            for (Resource r : p.resources) {
                org.hl7.fhir.r4.model.Property property = r.getNamedProperty("subject");
                if (property == null || !property.hasValues()) continue;
                Object subject = property.getValues().get(0);
                if (subject instanceof Reference ref) {
                    Patient patient = ctx.resolve(ref, Patient.class);
                    if (patient != null) return patient;
                }
            }
        }
        return null;
    }

    /**
     * Sender or Receiver: the Organisation tree of the party; a person without an organisation (a
     * Henvisning 1.1 HCProf) gets the Organisation MsgHead requires, named and identified by the
     * person, with the person as its HealthcareProfessional, and that guess is reported.
     */
    private static void writeParty(XmlOut out, String path, String fhirPath, Reference party, Reference additional,
                                   WriteContext ctx) {
        PractitionerRole alone = ctx.resolve(party, PractitionerRole.class);
        if (alone == null || alone.hasOrganization()) {
            Parties.writeOrganisationTree(out, STYLE, party, additional, ctx);
            return;
        }
        Practitioner person = ctx.resolve(alone.getPractitioner(), Practitioner.class);
        Identifier ident = null;
        if (person != null) {
            for (Identifier i : person.getIdentifier()) {
                if (Parties.hasKithType(i, false)) {
                    ident = i;
                    break;
                }
            }
        }
        if (ident == null) {
            throw new UnsupportedContentException(Location.ofPath(fhirPath), "A MsgHead " + path.substring(path.lastIndexOf('/') + 1)
                    + " needs an Organisation with an Ident: " + fhirPath + " is a person without organisation or identifier");
        }
        out.start(MsgHeadV1_2.NS, "Organisation");
        String name = person.hasName() ? person.getNameFirstRep().hasText() ? person.getNameFirstRep().getText()
                : (person.getNameFirstRep().getGivenAsSingleString() + " " + person.getNameFirstRep().getFamily()).trim() : null;
        out.leaf("OrganisationName", name == null ? "" : name);
        Parties.writeIdent(out, STYLE, ident, false);
        Parties.writeHealthcareProfessional(out, STYLE, "HealthcareProfessional", alone, ctx);
        out.end();
        ctx.loss(path + "/Organisation", fhirPath, "the party is a person without an organisation; the Organisation "
                + "MsgHead requires is named and identified by the person (not a real organisation)");
    }

    private static void requireParty(Reference ref, String path, WriteContext ctx) {
        if (ctx.resolve(ref) == null) {
            throw new UnsupportedContentException(Location.ofPath(path),
                    path + " must refer to an Organization or PractitionerRole in the Bundle");
        }
    }

    /** The message id: Bundle.identifier, else a new UUID (a MsgHead always has one). */
    static String messageId(Bundle bundle) {
        if (bundle.hasIdentifier() && bundle.getIdentifier().hasValue()) return bundle.getIdentifier().getValue();
        return UUID.randomUUID().toString();
    }
}
