package no.samnav.mappers.apprec;

import no.samnav.mappers.KithStandard;
import no.samnav.mappers.common.HcpParties;
import no.samnav.mappers.core.ReadContext;
import no.samnav.mappers.fhir.Extensions;
import no.samnav.mappers.fhir.KithCodes;
import no.samnav.mappers.fhir.KithDates;
import no.samnav.mappers.fhir.Systems;
import no.samnav.mappers.kodeverk.AppRecStatus;
import no.samnav.mappers.kodeverk.KithCodeSystems;
import no.samnav.mappers.xml.XmlElement;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.UrlType;

/**
 * Reads an AppRec (1.0 and 1.1 share their structure) into a FHIR response message: MessageHeader
 * with {@code response} (the original message id and the status), and an OperationOutcome with one
 * issue per Error code (Volven 8221).
 */
public abstract class AppRecReading {

    private final KithStandard standard;

    protected AppRecReading(KithStandard standard) {
        this.standard = standard;
    }

    public KithStandard standard() {
        return standard;
    }

    /** Reads the AppRec document element into the context's Bundle. */
    public void read(XmlElement appRec, ReadContext ctx) {
        MessageHeader header = ctx.header();
        header.setEvent(KithCodes.cs(appRec.required("MsgType"), KithCodeSystems.MESSAGE_TYPE));
        // Kept because senders write several spellings for the same version ("1.0 2004-11-21", "1.0 2008-11-21").
        Extensions.addString(header, Extensions.APPREC_MIG_VERSION, appRec.required("MIGversion").text().trim());
        Extension software = new Extension(Extensions.SOFTWARE);
        Extensions.addSubString(software, "name", appRec.textOf("SoftwareName"));
        Extensions.addSubString(software, "version", appRec.textOf("SoftwareVersion"));
        if (software.hasExtension()) header.addExtension(software);
        XmlElement genDate = appRec.required("GenDate");
        ctx.bundle().setTimestampElement(KithDates.instant(genDate.text(), genDate));
        ctx.bundle().setIdentifier(new Identifier().setSystem(Systems.KITH_MESSAGE_ID)
                .setValue(appRec.requiredText("Id").trim()));

        XmlElement sender = appRec.required("Sender");
        Reference from = hcp(sender.required("HCP"), ctx);
        header.setSender(from);
        header.getSource().setEndpointElement(endpoint(from, ctx));
        Extensions.add(header.getSource(), Extensions.APPREC_ROLE, KithCodes.cs(sender.child("Role"), KithCodeSystems.APPREC_ROLE));

        XmlElement receiver = appRec.required("Receiver");
        Reference to = hcp(receiver.required("HCP"), ctx);
        MessageHeader.MessageDestinationComponent destination = header.addDestination().setReceiver(to);
        destination.setEndpointElement(endpoint(to, ctx));
        Extensions.add(destination, Extensions.APPREC_ROLE, KithCodes.cs(receiver.child("Role"), KithCodeSystems.APPREC_ROLE));

        MessageHeader.MessageHeaderResponseComponent response = header.getResponse();
        XmlElement status = appRec.required("Status");
        Coding statusCoding = KithCodes.cs(status, AppRecStatus.OID);
        AppRecStatus known = AppRecStatus.fromCode(statusCoding.getCode()).orElseThrow(() ->
                new no.samnav.mappers.error.InvalidValueException(status.location(),
                        "AppRec Status must be 1 (OK), 2 (Avvist) or 3 (OK, feil i delmelding), was '"
                                + statusCoding.getCode() + "'"));
        response.setCode(known.fhirResponse());
        Extensions.add(response.getCodeElement(), Extensions.KITH_CODE, statusCoding);

        java.util.List<XmlElement> errors = appRec.children("Error");
        if (!errors.isEmpty()) {
            OperationOutcome outcome = new OperationOutcome();
            for (XmlElement error : errors) {
                CodeableConcept details = KithCodes.cv(error);
                outcome.addIssue()
                        .setSeverity(known == AppRecStatus.AVVIST ? OperationOutcome.IssueSeverity.ERROR
                                : OperationOutcome.IssueSeverity.WARNING)
                        .setCode(OperationOutcome.IssueType.PROCESSING)
                        .setDetails(details);
            }
            response.setDetails(ctx.add(outcome));
        }

        XmlElement original = appRec.required("OriginalMsgId");
        String originalId = original.requiredText("Id").trim();
        if (originalId.matches("[A-Za-z0-9\\-.]{1,64}")) {
            response.setIdentifier(originalId);
        } else {
            IdType absent = new IdType();
            absent.addExtension("http://hl7.org/fhir/StructureDefinition/data-absent-reason", new CodeType("unsupported"));
            response.setIdentifierElement(absent);
        }
        Extension originalExt = new Extension(Extensions.ORIGINAL_MESSAGE);
        Extensions.addSub(originalExt, "msgType", KithCodes.cs(original.required("MsgType"), KithCodeSystems.MESSAGE_TYPE));
        XmlElement issueDate = original.required("IssueDate");
        Extensions.addSub(originalExt, "issueDate", KithDates.dateTime(issueDate.text(), issueDate));
        Extensions.addSubString(originalExt, "id", originalId);
        response.addExtension(originalExt);
    }

    private static UrlType endpoint(Reference party, ReadContext ctx) {
        String her = null;
        var r = ctx.resolve(party);
        if (r instanceof PractitionerRole role) r = ctx.resolve(role.getPractitioner());
        if (r instanceof DomainResource d) {
            for (var v : d.getNamedProperty("identifier").getValues()) {
                Identifier i = (Identifier) v;
                if (Systems.HER.equals(i.getSystem())) her = i.getValue();
            }
        }
        if (her != null) return new UrlType("urn:samnav:her:" + her);
        UrlType absent = new UrlType();
        absent.addExtension("http://hl7.org/fhir/StructureDefinition/data-absent-reason", new CodeType("unknown"));
        return absent;
    }

    /** How AppRec's HCP is read: Dept/Type and HCProf/Type from Volven 9060, persons at the institution. */
    private static final HcpParties.ReadOptions HCP = new HcpParties.ReadOptions(
            KithCodeSystems.APPREC_HCP_TYPE, KithCodeSystems.APPREC_HCP_TYPE, false, false, false, false);

    /**
     * HCP: an institution (with departments and persons) or a single health professional; the
     * institution or the professional's PractitionerRole stands for the party and carries MedSpeciality.
     */
    private static Reference hcp(XmlElement hcp, ReadContext ctx) {
        HcpParties.ReadHcp read = HcpParties.read(hcp, ctx, HCP);
        Reference primary = read.inst() != null ? read.inst() : read.prof();
        DomainResource owner = (DomainResource) ctx.resolve(primary);
        Extensions.add(owner, Extensions.MED_SPECIALITY, KithCodes.cv(hcp.child("MedSpeciality")));
        HcpParties.readAddressInto(hcp.child("Address"), read.addressOwner(), null, true);
        return primary;
    }
}
