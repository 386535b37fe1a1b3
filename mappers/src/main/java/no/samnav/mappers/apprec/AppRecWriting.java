package no.samnav.mappers.apprec;

import java.util.ArrayList;
import java.util.List;
import no.samnav.mappers.KithStandard;
import no.samnav.mappers.common.HcpParties;
import no.samnav.mappers.core.MessageBundles;
import no.samnav.mappers.core.WriteContext;
import no.samnav.mappers.error.Location;
import no.samnav.mappers.error.UnsupportedContentException;
import no.samnav.mappers.fhir.Extensions;
import no.samnav.mappers.fhir.KithCodes;
import no.samnav.mappers.fhir.KithDates;
import no.samnav.mappers.kodeverk.AppRecErrorCode;
import no.samnav.mappers.kodeverk.AppRecStatus;
import no.samnav.mappers.xml.XmlOut;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/** Writes a FHIR response message (MessageHeader.response + OperationOutcome) as an AppRec. */
public abstract class AppRecWriting {

    private final KithStandard standard;
    private final String ns;
    private final String migVersion;

    protected AppRecWriting(KithStandard standard, String migVersion) {
        this.standard = standard;
        this.ns = standard.namespace();
        this.migVersion = migVersion;
    }

    public KithStandard standard() {
        return standard;
    }

    public byte[] write(WriteContext ctx) {
        MessageHeader header = ctx.header();
        if (!header.hasResponse()) {
            throw new UnsupportedContentException(Location.ofPath("MessageHeader.response"),
                    "An AppRec answers a message: MessageHeader.response is missing");
        }
        MessageHeader.MessageHeaderResponseComponent response = header.getResponse();
        XmlOut out = new XmlOut();
        out.root(ns, "AppRec");
        Coding type = header.getEventCoding();
        KithCodes.writeCs(out, ns, "MsgType", type.hasCode() ? type : new Coding(null, "APPREC", "Applikasjonskvittering"));
        out.leaf("MIGversion", migVersion(header));
        Extension software = header.getExtensionByUrl(Extensions.SOFTWARE);
        out.leaf("SoftwareName", Extensions.subString(software, "name"));
        out.leaf("SoftwareVersion", Extensions.subString(software, "version"));
        BaseDateTimeType timestamp = ctx.bundle().hasTimestamp() ? ctx.bundle().getTimestampElement()
                : new org.hl7.fhir.r4.model.DateTimeType(new java.util.Date());
        out.leaf("GenDate", KithDates.toKithDateTime(timestamp));
        out.leaf("Id", ctx.bundle().hasIdentifier() ? ctx.bundle().getIdentifier().getValue()
                : java.util.UUID.randomUUID().toString());
        out.start("Sender");
        KithCodes.writeCs(out, ns, "Role", (Coding) Extensions.value(header.getSource(), Extensions.APPREC_ROLE));
        hcp(out, header.getSender(), ctx);
        out.end();
        out.start("Receiver");
        MessageHeader.MessageDestinationComponent destination = header.getDestinationFirstRep();
        KithCodes.writeCs(out, ns, "Role", (Coding) Extensions.value(destination, Extensions.APPREC_ROLE));
        hcp(out, destination.getReceiver(), ctx);
        out.end();
        for (int i = 1; i < header.getDestination().size(); i++) {
            ctx.loss("/AppRec/Receiver", "MessageHeader.destination[" + i + "]", "an AppRec has one receiver");
        }
        Coding status = (Coding) Extensions.value(response.getCodeElement(), Extensions.KITH_CODE);
        if (status == null) {
            AppRecStatus s = switch (response.getCode()) {
                case OK -> AppRecStatus.OK;
                case TRANSIENTERROR -> AppRecStatus.OK_FEIL_I_DELMELDING;
                default -> AppRecStatus.AVVIST;
            };
            status = KithCodes.coding(s);
        }
        KithCodes.writeCs(out, ns, "Status", status);
        OperationOutcome outcome = ctx.resolve(response.getDetails(), OperationOutcome.class);
        if (outcome != null) {
            for (OperationOutcome.OperationOutcomeIssueComponent issue : outcome.getIssue()) {
                KithCodes.writeCv(out, ns, "Error", errorOf(issue, outcome, ctx));
            }
        }
        Extension original = response.getExtensionByUrl(Extensions.ORIGINAL_MESSAGE);
        out.start("OriginalMsgId");
        Coding originalType = (Coding) Extensions.sub(original, "msgType");
        KithCodes.writeCs(out, ns, "MsgType", originalType != null ? originalType : new Coding(null, "UKJENT", null));
        BaseDateTimeType issued = (BaseDateTimeType) Extensions.sub(original, "issueDate");
        out.leaf("IssueDate", KithDates.toKithDateTime(issued != null ? issued : timestamp));
        String originalId = Extensions.subString(original, "id");
        out.leaf("Id", originalId != null ? originalId : response.getIdentifier());
        out.end();
        return out.finish();
    }

    /**
     * The Error CV of an issue: its details; an issue with only a text (e.g. an OperationOutcome from
     * a FHIR server) becomes X99 "Annen feil" with the text as OT, so the receiver gets a code.
     * Diagnostics go into OT when the details have no text of their own.
     */
    private static CodeableConcept errorOf(OperationOutcome.OperationOutcomeIssueComponent issue, OperationOutcome outcome,
            WriteContext ctx) {
        CodeableConcept details = issue.getDetails().copy();
        String diagnostics = issue.getDiagnostics();
        if (!details.hasCoding()) {
            String text = details.hasText() ? details.getText() : diagnostics;
            if (details.hasText() && diagnostics != null) {
                ctx.loss("/AppRec/Error/@OT", outcome, "issue.diagnostics", "an Error has one text (OT); the details text is written");
            }
            return new CodeableConcept(KithCodes.coding(AppRecErrorCode.X99)).setText(text);
        }
        if (diagnostics != null) {
            if (!details.hasText()) {
                details.setText(diagnostics);
            } else if (!diagnostics.equals(details.getText())) {
                ctx.loss("/AppRec/Error/@OT", outcome, "issue.diagnostics", "an Error has one text (OT); the details text is written");
            }
        }
        return details;
    }

    /**
     * The MIGversion received, when it names the version being written (an AppRec 1.0 answered as
     * 1.0 keeps e.g. "1.0 2008-11-21"); otherwise this version's own MIGversion text.
     */
    private String migVersion(MessageHeader header) {
        String received = Extensions.string(header, Extensions.APPREC_MIG_VERSION);
        String version = java.util.regex.Pattern.quote(standard.version());
        if (received != null && received.matches("(?i)v?" + version + "(\\s.*)?")) return received;
        return migVersion;
    }

    /**
     * Writes an HCP through the shared {@link HcpParties}. AppRec's own: the party is an Organization
     * (the institution) or a PractitionerRole (HCProf), the schema orders Inst's children Dept,
     * AdditionalId, HCPerson, and a party holds one address with one street line.
     */
    private void hcp(XmlOut out, Reference party, WriteContext ctx) {
        Resource r = ctx.resolve(party);
        out.start(ns, "HCP");
        DomainResource addressOwner;
        if (r instanceof Organization inst) {
            out.start(ns, "Inst");
            out.leaf(ns, "Name", inst.getName());
            List<Identifier> additional = HcpParties.writeIdAndType(out, ns, inst.getIdentifier(), true);
            for (Organization dept : children(ctx, inst, Organization.class)) HcpParties.writeDept(out, ns, dept);
            HcpParties.writeAdditionalIds(out, ns, additional);
            for (PractitionerRole role : children(ctx, inst, PractitionerRole.class)) {
                HcpParties.writePerson(out, ns, ctx.resolve(role.getPractitioner(), Practitioner.class));
            }
            out.end();
            addressOwner = inst;
        } else if (r instanceof PractitionerRole role) {
            Practitioner p = ctx.resolve(role.getPractitioner(), Practitioner.class);
            HcpParties.writeHcProf(out, ns, role, p);
            addressOwner = p;
        } else {
            throw new UnsupportedContentException(Location.ofPath("MessageHeader"),
                    "AppRec sender and receiver must be an Organization or a PractitionerRole in the Bundle");
        }
        KithCodes.writeCv(out, ns, "MedSpeciality", (CodeableConcept) Extensions.value((DomainResource) r, Extensions.MED_SPECIALITY));
        if (addressOwner != null) {
            List<Address> addresses = HcpParties.addresses(addressOwner);
            HcpParties.writeAddress(out, ns, addresses, HcpParties.telecoms(addressOwner), HcpParties.workAddressType(), false);
            for (int i = 1; i < addresses.size(); i++) {
                ctx.loss(out.pathOf("Address"), addressOwner, "address[" + i + "]", "an AppRec party holds one address");
            }
        }
        out.end();
    }

    /** Departments (Organization.partOf) or persons (PractitionerRole.organization) of an institution, in Bundle order. */
    private static <T extends Resource> List<T> children(WriteContext ctx, Organization inst, Class<T> type) {
        List<T> result = new ArrayList<>();
        for (T r : MessageBundles.all(ctx.bundle(), type)) {
            Reference parent = r instanceof Organization o ? o.getPartOf()
                    : r instanceof PractitionerRole pr ? pr.getOrganization() : null;
            if (parent != null && ctx.resolve(parent) == inst) result.add(r);
        }
        return result;
    }
}
