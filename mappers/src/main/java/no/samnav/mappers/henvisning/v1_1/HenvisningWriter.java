package no.samnav.mappers.henvisning.v1_1;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import no.samnav.mappers.KithStandard;
import no.samnav.mappers.common.PatientFields;
import no.samnav.mappers.msghead.v1_2.AttachmentRefDoc;
import no.samnav.mappers.common.HcpParties;
import no.samnav.mappers.Mappers;
import no.samnav.mappers.core.DocumentEnvelope;
import no.samnav.mappers.core.WriteContext;
import no.samnav.mappers.error.Location;
import no.samnav.mappers.error.UnsupportedContentException;
import no.samnav.mappers.fhir.Extensions;
import no.samnav.mappers.fhir.KithCodes;
import no.samnav.mappers.fhir.KithDates;
import no.samnav.mappers.fhir.Systems;
import no.samnav.mappers.henvisning.HenvisningExtensions;
import no.samnav.mappers.henvisning.HenvisningWriting;
import no.samnav.mappers.kodeverk.IdentifierType;
import no.samnav.mappers.msghead.v1_2.MsgHeadV1_2;
import no.samnav.mappers.xml.XmlOut;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * Henvisning 1.1 (HIS 80517 1.1), namespace {@code http://www.kith.no/xmlstds/henvisning/2012-02-15}:
 * FHIR to XML. Writes the whole Message (its own envelope): the patient from ServiceRequest.subject,
 * the requester and service provider as HCP, and the attachment documents of the message as
 * ServReq/RefDoc. What only 2.0 has (VurderingAvHenvisning, Pakkeforlop, several Consents, 2.0
 * poKomponent structures) is reported lost.
 */
public final class HenvisningWriter extends HenvisningWriting {

    public static final String MIG_VERSION = "v1.1 2012-02-15";
    private final HenvisningHcp hcp;

    public HenvisningWriter() {
        super(KithStandard.HENVISNING_1_1);
        this.hcp = new HenvisningHcp(ns);
    }

    @Override
    protected Set<String> carriedNamespaces() {
        return Set.of(ns, HenvisningReader.PO_NS);
    }

    @Override
    protected String otherNamespace() {
        return KithStandard.HENVISNING_2_0.namespace();
    }

    @Override
    protected String otherPoNamespace() {
        return no.samnav.mappers.henvisning.v2_0.HenvisningWriter.PO_NS;
    }

    @Override
    protected String poNamespace() {
        return HenvisningReader.PO_NS;
    }

    /** The attachments travel inside ServReq (RefDoc), so a bare 1.1 document loses none. */
    @Override
    public boolean writesAttachments() {
        return true;
    }

    @Override
    public void write(List<Resource> focus, WriteContext ctx, XmlOut out) {
        out.start(ns, "Message");
        out.declare("po", HenvisningReader.PO_NS);
        out.declare("fk1", no.samnav.mappers.henvisning.v2_0.HenvisningWriter.FK1_NS);
        ServiceRequest sr = referral(focus, ctx, out);
        MessageHeader header = ctx.header();
        Carried carried = new Carried(ctx);
        Coding type = header.getEventCoding();
        if (type == null || !"HENVISNING".equals(type.getCode())) {
            if (type != null && type.hasCode()) {
                ctx.loss("/MsgHead/MsgInfo/Type", "MessageHeader.eventCoding",
                        type.getCode() + " is not a Henvisning 1.1 message type; sent as HENVISNING");
            }
            type = new Coding(Systems.MESSAGE_TYPE, "HENVISNING", "Henvisning");
        }
        KithCodes.writeCs(out, ns, "Type", type);
        out.leaf("MsgVersion", Extensions.string(header, HenvisningExtensions.MSG_VERSION));
        out.leaf("MIGversion", MIG_VERSION);
        out.attributesOnly(ns, "GenDate", "V", KithDates.toKithDateTime(ctx.bundle().hasTimestamp()
                ? ctx.bundle().getTimestampElement() : new DateTimeType(new java.util.Date())));
        out.leaf("MsgId", ctx.bundle().hasIdentifier() && ctx.bundle().getIdentifier().hasValue()
                ? ctx.bundle().getIdentifier().getValue() : UUID.randomUUID().toString());
        KithCodes.writeCs(out, ns, "Status", (Coding) Extensions.value(header, HenvisningExtensions.MESSAGE_STATUS));

        out.start("ServReq");
        KithCodes.writeCs(out, ns, "ServType", codingOr(sr, HenvisningExtensions.SERV_TYPE, new Coding(null, "N", "Ny")));
        when(out, "IssueDate", issueDate(sr, ctx), false);
        KithCodes.writeCs(out, ns, "PaymentCat", (Coding) Extensions.value(sr, HenvisningExtensions.PAYMENT_CAT));
        out.leaf("ReqComment", Extensions.string(sr, HenvisningExtensions.REQ_COMMENT));
        boolean bare = !out.path().startsWith("/MsgHead");
        boolean fromEnvelope = bare && Mappers.arrivedWrapped(ctx.bundle()).orElse(false);
        Coding ack = (Coding) Extensions.value(sr, HenvisningExtensions.ACK);
        Coding envelopeAck = (Coding) Extensions.value(header, Extensions.ACK);
        if (ack == null && fromEnvelope) ack = envelopeAck; // the MsgHead's request for an AppRec, in 1.1's own Ack
        KithCodes.writeCs(out, ns, "Ack", ack);
        Coding msgDescr = sr.hasCode() && sr.getCode().getCodingFirstRep().hasCode() ? sr.getCode().getCodingFirstRep()
                : new Coding(null, "10", "Utredning/behandling");
        KithCodes.writeCs(out, ns, "MsgDescr", msgDescr);
        if (sr.hasCode() && readFrom(KithStandard.HENVISNING_2_0, sr, ctx)) {
            reportCvOnly(sr.getCode(), "/Henvisning/TypeInnholdIMelding/TypeInnhold", ctx);
        }
        out.leaf("Id", documentId(sr));
        patient(out, sr, ctx, carried);
        party(out, "ServProvider", sr.hasPerformer() ? sr.getPerformerFirstRep()
                : header.hasDestination() ? header.getDestinationFirstRep().getReceiver() : null,
                "servProvider", header.hasDestination() ? header.getDestinationFirstRep() : null, sr, ctx);
        party(out, "Requester", sr.hasRequester() ? sr.getRequester() : header.getSender(), "requester",
                header.getSource(), sr, ctx);
        carried.write(out, sr, "ServReq", "CopyDest");
        refDocs(out, ctx);
        reasons(out, sr, ctx);
        diagnoses(out, sr, ctx);
        reqServ(out, sr, ctx, carried);
        comments(out, sr, ctx);
        out.end(); // ServReq
        reportTwoZero(out, sr, ctx);
        if (fromEnvelope) {
            if (envelopeAck != null && ack != envelopeAck) {
                ctx.loss("/MsgHead/MsgInfo/Ack", "MessageHeader.extension('" + Extensions.ACK + "')",
                        "ServReq/Ack holds the referral's own request; a bare Henvisning 1.1 has no MsgHead Ack");
            }
            reportEnvelope(ctx);
        }
        reportUnwritable(out, sr, ctx);
        List<DomainResource> all = new ArrayList<>();
        all.add(sr);
        for (Resource r : supporting(sr, ctx)) if (r instanceof DomainResource d) all.add(d);
        carried.reportRest(all);
        out.end(); // Message
    }

    private void patient(XmlOut out, ServiceRequest sr, WriteContext ctx, Carried carried) {
        Patient p = ctx.resolve(sr.getSubject(), Patient.class);
        if (p == null) p = ctx.resolve((Reference) Extensions.value(ctx.header(), Extensions.MSGHEAD_PATIENT), Patient.class);
        if (p == null) {
            throw new UnsupportedContentException(Location.ofPath("ServiceRequest.subject"),
                    "A Henvisning 1.1 needs the patient: ServiceRequest.subject must refer to a Patient in the Bundle");
        }
        out.start("Patient");
        KithCodes.writeCs(out, ns, "BasisForHealthServices",
                (Coding) Extensions.value(sr, HenvisningExtensions.BASIS_FOR_HEALTH_SERVICES));
        PatientFields.writeSexAndDates(out, ns, p);
        String name = HcpParties.nameText(p.getName());
        if (name != null && !p.getNameFirstRep().hasText() && p.getNameFirstRep().hasFamily() && p.getNameFirstRep().hasGiven()) {
            name = p.getNameFirstRep().getFamily() + ", " + p.getNameFirstRep().getGivenAsSingleString();
        }
        out.leaf("Name", name);
        Identifier byRequester = null;
        Identifier official = null;
        List<Identifier> additional = new ArrayList<>();
        for (Identifier i : p.getIdentifier()) {
            if (HenvisningReader.ID_BY_REQUESTER.equals(i.getSystem()) && byRequester == null) byRequester = i;
            else if (official == null && !i.hasExtension(Extensions.ADDITIONAL_ID)) official = i;
            else additional.add(i);
        }
        out.leaf("IdByRequester", byRequester == null ? null : byRequester.getValue());
        if (official != null) {
            out.leaf("OffId", official.getValue());
            Coding typeOff = HcpParties.typeOf(official, false);
            if (typeOff == null) {
                typeOff = IdentifierType.ofSystem(official.getSystem(), false).map(KithCodes::coding).orElse(null);
            }
            KithCodes.writeCs(out, ns, "TypeOffId", typeOff);
        }
        precautions(out, sr, ctx);
        infItems(out, sr, ctx, carried);
        patRelHcp(out, sr, ctx);
        carried.write(out, sr, "Patient", "AssistertKommunikasjon");
        carried.write(out, sr, "Patient", "ParorendeForesatt");
        carried.write(out, sr, "Patient", "ContactPerson");
        carried.write(out, sr, "Patient", "PatRelInst");
        consents(out, sr, ctx, 1);
        HcpParties.writeAdditionalIds(out, ns, additional);
        hcp.address(out, p, new Coding(null, "H", "Bostedsadresse"), ctx);
        out.end();
        if (p.getName().size() > 1) ctx.loss(out.pathOf("Patient") + "/Name", p, "name[1]", "the patient has one Name");
    }

    private void patRelHcp(XmlOut out, ServiceRequest sr, WriteContext ctx) {
        for (Extension rel : sr.getExtensionsByUrl(HenvisningExtensions.PAT_REL_HCP)) {
            out.start("PatRelHCP");
            Coding relation = (Coding) Extensions.sub(rel, "relation");
            KithCodes.writeCs(out, ns, "Relation", relation != null ? relation : new Coding(null, "FLE", "Fastlege"));
            when(out, "StartDateTime", (BaseDateTimeType) Extensions.sub(rel, "start"), false);
            when(out, "EndDateTime", (BaseDateTimeType) Extensions.sub(rel, "end"), false);
            hcp.write(out, (Reference) Extensions.sub(rel, "party"), "ServiceRequest.extension('"
                    + HenvisningExtensions.PAT_REL_HCP + "')", ctx);
            out.end();
        }
    }

    /** Requester / ServProvider with Role and ComMethod (from the party-role extension or the MsgHead). */
    private void party(XmlOut out, String element, Reference party, String which,
                       org.hl7.fhir.r4.model.Element msgHeadSide, ServiceRequest sr, WriteContext ctx) {
        if (party == null || ctx.resolve(party) == null) {
            throw new UnsupportedContentException(Location.ofPath("ServiceRequest"), "A Henvisning 1.1 needs a "
                    + element + ": ServiceRequest." + ("requester".equals(which) ? "requester" : "performer")
                    + " must refer to an Organization or PractitionerRole in the Bundle");
        }
        Extension roleExt = null;
        for (Extension e : sr.getExtensionsByUrl(HenvisningExtensions.PARTY_ROLE)) {
            if (which.equals(Extensions.subString(e, "party"))) roleExt = e;
        }
        Coding comMethod = (Coding) Extensions.sub(roleExt, "comMethod");
        if (comMethod == null && msgHeadSide != null) comMethod = (Coding) Extensions.value(msgHeadSide, Extensions.COM_METHOD);
        out.start(element);
        KithCodes.writeCs(out, ns, "Role", (Coding) Extensions.sub(roleExt, "role"));
        KithCodes.writeCs(out, ns, "ComMethod", comMethod);
        hcp.write(out, party, "ServiceRequest." + which, ctx);
        out.end();
    }

    /** Every attachment document of the message (a DocumentReference focus of its own) as RefDoc. */
    private void refDocs(XmlOut out, WriteContext ctx) {
        for (List<Reference> group : DocumentEnvelope.groups(ctx.header())) {
            if (group.size() != 1 || DocumentEnvelope.namespace(group.get(0)) != null) continue;
            DocumentReference doc = ctx.resolve(group.get(0), DocumentReference.class);
            if (doc == null) continue;
            Extension env = group.get(0).getExtensionByUrl(Extensions.DOCUMENT);
            Attachment a = doc.getContentFirstRep().getAttachment();
            out.start("RefDoc");
            if (a.hasCreation()) out.attributesOnly(ns, "IssueDate", "V", KithDates.toKith(a.getCreationElement()));
            Coding msgType = (Coding) Extensions.sub(env, "msgType");
            KithCodes.writeCs(out, ns, "MsgType", msgType != null ? msgType : new Coding(null, "A", "Vedlegg"));
            AttachmentRefDoc.write(out, ns, doc, a, (Coding) Extensions.sub(env, "compression"));
            out.end();
            for (String field : List.of("contentType", "contentDescription", "contentCategory", "consent", "annotation",
                    "documentConnection", "fromDate", "toDate", "oidRef", "enquiryRefId")) {
                if (Extensions.sub(env, field) != null) {
                    ctx.loss(out.pathOf("RefDoc"), "MessageHeader.focus.extension('" + Extensions.DOCUMENT + "').extension('"
                            + field + "')", "MsgHead Document/" + field + " has no place in a Henvisning 1.1 RefDoc");
                }
            }
        }
    }

    /**
     * MsgHead content a bare Henvisning 1.1 has no place for (the parties themselves are written as
     * Requester/ServProvider HCP and the patient under ServReq), reported with the MsgHead paths.
     */
    private void reportEnvelope(WriteContext ctx) {
        MessageHeader header = ctx.header();
        String why = "a bare Henvisning 1.1 has no MsgHead";
        if (header.hasExtension(Extensions.CONVERSATION_REF)) {
            ctx.loss("/MsgHead/MsgInfo/ConversationRef", "MessageHeader.extension('" + Extensions.CONVERSATION_REF + "')",
                    why + " ConversationRef");
        }
        for (String[] ext : new String[][] {{Extensions.PROCESSING_STATUS, "ProcessingStatus"},
                {Extensions.REQUESTED_PRIORITY, "RequestedPriority"}}) {
            if (header.hasExtension(ext[0])) {
                ctx.loss("/MsgHead/MsgInfo/" + ext[1], "MessageHeader.extension('" + ext[0] + "')", why + " " + ext[1]);
            }
        }
        // 1.1 writes identifier types as CS: the code system (S) of every MsgHead TypeId is lost
        reportIdentSystems("/MsgHead/MsgInfo/Sender", header.getSender(),
                (Reference) Extensions.value(header.getSource(), Extensions.ADDITIONAL_PARTY), ctx);
        if (header.hasDestination()) {
            MessageHeader.MessageDestinationComponent d = header.getDestinationFirstRep();
            reportIdentSystems("/MsgHead/MsgInfo/Receiver", d.getReceiver(),
                    (Reference) Extensions.value(d, Extensions.ADDITIONAL_PARTY), ctx);
        }
        for (int i = 1; i < header.getDestination().size(); i++) {
            ctx.loss("/MsgHead/MsgInfo/OtherReceiver", "MessageHeader.destination[" + i + "]", why + " OtherReceiver");
        }
        Patient patient = ctx.resolve((Reference) Extensions.value(header, Extensions.MSGHEAD_PATIENT), Patient.class);
        if (patient != null) {
            if (patient.hasIdentifier()) {
                ctx.loss("/MsgHead/MsgInfo/Patient/Ident/TypeId/@S", patient, "identifier.type",
                        "Henvisning 1.1 TypeOffId is CS, without code system");
            }
            if (patient.hasTelecom()) {
                ctx.loss("/MsgHead/MsgInfo/Patient/TeleCom/TypeTelecom", patient, "telecom",
                        "Henvisning 1.1 has the patient's TeleAddress in Address, without TypeTelecom");
            }
        }
        for (List<Reference> group : DocumentEnvelope.groups(header)) {
            if (DocumentEnvelope.namespace(group.get(0)) == null) continue; // attachments are ServReq/RefDoc
            Extension env = group.get(0).getExtensionByUrl(Extensions.DOCUMENT);
            for (String[] field : new String[][] {{"issueDate", "RefDoc/IssueDate"}, {"msgType", "RefDoc/MsgType"},
                    {"id", "RefDoc/Id"}, {"mimeType", "RefDoc/MimeType"}, {"description", "RefDoc/Description"},
                    {"compression", "RefDoc/Compression"}, {"documentConnection", "DocumentConnection"},
                    {"contentType", "ContentType"}, {"contentDescription", "ContentDescription"},
                    {"contentCategory", "ContentCategory"}, {"consent", "Consent"}, {"annotation", "Annotation"},
                    {"fromDate", "FromDate"}, {"toDate", "ToDate"}, {"oidRef", "OidRef"}, {"enquiryRefId", "EnquiryRefId"}}) {
                if (Extensions.sub(env, field[0]) != null) {
                    ctx.loss("/MsgHead/Document/" + field[1], "MessageHeader.focus.extension('" + Extensions.DOCUMENT
                            + "').extension('" + field[0] + "')", why + " Document around the referral");
                }
            }
        }
    }

    /** Reports the TypeId code systems of a MsgHead party tree, at the paths the MsgHead had them. */
    private static void reportIdentSystems(String base, Reference primary, Reference additional, WriteContext ctx) {
        PractitionerRole person = ctx.resolve(primary, PractitionerRole.class);
        Organization org = person != null ? ctx.resolve(person.getOrganization(), Organization.class)
                : ctx.resolve(primary, Organization.class);
        List<Organization> chain = new ArrayList<>();
        while (org != null) {
            chain.add(0, org);
            org = org.hasPartOf() ? ctx.resolve(org.getPartOf(), Organization.class) : null;
        }
        PractitionerRole beside = ctx.resolve(additional, PractitionerRole.class);
        String path = base;
        for (Organization o : chain) {
            path += "/Organisation";
            if (o.hasIdentifier()) {
                ctx.loss(path + "/Ident/TypeId/@S", o, "identifier.type", "Henvisning 1.1 TypeId is CS, without code system");
            }
            for (PractitionerRole role : java.util.Arrays.asList(person, beside)) {
                if (role == null || ctx.resolve(role.getOrganization(), Organization.class) != o) continue;
                Practitioner p = ctx.resolve(role.getPractitioner(), Practitioner.class);
                if (p != null && p.hasIdentifier()) {
                    ctx.loss(path + "/HealthcareProfessional/Ident/TypeId/@S", p, "identifier.type",
                            "Henvisning 1.1 TypeId is CS, without code system");
                }
            }
        }
    }

    /** Henvisning 2.0 content that 1.1 does not have. */
    private void reportTwoZero(XmlOut out, ServiceRequest sr, WriteContext ctx) {
        if (sr.hasExtension(HenvisningExtensions.VURDERING)) {
            ctx.loss(out.pathOf("VurderingAvHenvisning"), sr, "extension('" + HenvisningExtensions.VURDERING + "')",
                    "Henvisning 1.1 has no VurderingAvHenvisning (assessment dates, right to health care, outcome)");
        }
        List<Extension> pakke = sr.getExtensionsByUrl(HenvisningExtensions.PAKKEFORLOP);
        for (int i = 0; i < pakke.size(); i++) {
            ctx.loss(out.pathOf("Pakkeforlop"), sr, "extension('" + HenvisningExtensions.PAKKEFORLOP + "')[" + i + "]",
                    "Henvisning 1.1 has no Pakkeforlop");
        }
        if (sr.hasExtension(HenvisningExtensions.TYPE_INNHOLD_MERKNAD)) {
            ctx.loss(out.pathOf("TypeInnholdIMelding") + "/Merknad", sr,
                    "extension('" + HenvisningExtensions.TYPE_INNHOLD_MERKNAD + "')", "Henvisning 1.1 MsgDescr has no remark");
        }
        List<Extension> roles = sr.getExtensionsByUrl(HenvisningExtensions.PARTY_ROLE);
        if (roles.size() > 2) {
            ctx.loss(out.path(), sr, "extension('" + HenvisningExtensions.PARTY_ROLE + "')", "one role per party");
        }
    }
}
