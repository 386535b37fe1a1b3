package no.samnav.mappers.apprec;

import no.samnav.mappers.KithStandard;
import no.samnav.mappers.core.ReadContext;
import no.samnav.mappers.fhir.Extensions;
import no.samnav.mappers.fhir.KithCodes;
import no.samnav.mappers.fhir.KithDates;
import no.samnav.mappers.fhir.Systems;
import no.samnav.mappers.kodeverk.AppRecStatus;
import no.samnav.mappers.kodeverk.IdentifierType;
import no.samnav.mappers.kodeverk.KithCodeSystems;
import no.samnav.mappers.xml.XmlElement;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
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

    /** HCP: an institution (with departments and persons) or a single health professional. */
    private static Reference hcp(XmlElement hcp, ReadContext ctx) {
        XmlElement inst = hcp.child("Inst");
        Reference primary;
        DomainResource addressOwner;
        if (inst != null) {
            Organization o = new Organization();
            o.setName(inst.textOf("Name"));
            identifiers(inst, o, true);
            primary = ctx.add(o);
            addressOwner = o;
            for (XmlElement dept : inst.children("Dept")) {
                Organization d = new Organization();
                d.setPartOf(primary.copy());
                Coding type = KithCodes.cs(dept.child("Type"), KithCodeSystems.APPREC_HCP_TYPE);
                if (type != null) d.addType(new CodeableConcept(type));
                d.setName(dept.textOf("Name"));
                identifiers(dept, d, true);
                ctx.add(d);
            }
            for (XmlElement person : inst.children("HCPerson")) {
                Practitioner p = new Practitioner();
                String name = person.textOf("Name");
                if (name != null) p.addName(new HumanName().setText(name));
                identifiers(person, p, false);
                PractitionerRole role = new PractitionerRole().setPractitioner(ctx.add(p)).setOrganization(primary.copy());
                ctx.add(role);
            }
        } else {
            XmlElement prof = hcp.required("HCProf");
            Practitioner p = new Practitioner();
            String name = prof.textOf("Name");
            if (name != null) p.addName(new HumanName().setText(name));
            identifiers(prof, p, false);
            PractitionerRole role = new PractitionerRole().setPractitioner(ctx.add(p));
            Coding type = KithCodes.cs(prof.child("Type"), KithCodeSystems.APPREC_HCP_TYPE);
            if (type != null) role.addCode(new CodeableConcept(type));
            primary = ctx.add(role);
            addressOwner = p;
        }
        DomainResource owner = (DomainResource) ctx.resolve(primary);
        Extensions.add(owner, Extensions.MED_SPECIALITY, KithCodes.cv(hcp.child("MedSpeciality")));
        XmlElement address = hcp.child("Address");
        if (address != null) address(address, addressOwner);
        return primary;
    }

    /** Id + TypeId (a CS without code system) and AdditionalId* as identifiers. */
    private static void identifiers(XmlElement e, DomainResource target, boolean organisation) {
        String id = e.textOf("Id");
        XmlElement typeId = e.child("TypeId");
        if (id != null || typeId != null) {
            target.setProperty("identifier", identifier(id, typeId, organisation));
        }
        for (XmlElement additional : e.children("AdditionalId")) {
            Identifier identifier = identifier(additional.requiredText("Id"), additional.required("Type"), organisation);
            identifier.addExtension(Extensions.ADDITIONAL_ID, new org.hl7.fhir.r4.model.BooleanType(true));
            target.setProperty("identifier", identifier);
        }
    }

    private static Identifier identifier(String id, XmlElement type, boolean organisation) {
        Identifier identifier = new Identifier();
        if (id != null) identifier.setValue(id.trim());
        String v = type == null ? null : KithCodes.token(type.attr("V"));
        String dn = type == null ? null : type.attr("DN");
        IdentifierType known = IdentifierType.of(v, organisation ? IdentifierType.ORGANISATION : IdentifierType.PERSON).orElse(null);
        identifier.setSystem(known != null ? known.fhirSystem() : "http://samnav.no/fhir/NamingSystem/kith-ident-" + (v == null ? "unknown" : v));
        if (type != null) identifier.setType(new CodeableConcept(new Coding(null, v, dn)));
        return identifier;
    }

    private static void address(XmlElement a, DomainResource owner) {
        Address address = new Address();
        Extensions.add(address, Extensions.ADDRESS_TYPE, KithCodes.cs(a.required("Type"), KithCodeSystems.ADDRESS_TYPE));
        String street = a.textOf("StreetAdr");
        if (street != null) address.addLine(street);
        address.setPostalCode(a.textOf("PostalCode"));
        address.setCity(a.textOf("City"));
        Coding county = KithCodes.cs(a.child("County"), KithCodeSystems.MUNICIPALITY);
        if (county != null) {
            address.setDistrict(county.getDisplay());
            Extensions.add(address, Extensions.ADDRESS_COUNTY, county);
        }
        Coding country = KithCodes.cs(a.child("Country"), KithCodeSystems.COUNTRY);
        if (country != null) {
            address.setCountry(country.getCode());
            Extensions.add(address, Extensions.ADDRESS_COUNTRY, country);
        }
        Extensions.add(address, Extensions.ADDRESS_CITY_DISTRICT, KithCodes.cs(a.child("CityDistr"), null));
        owner.setProperty("address", address);
        for (XmlElement tele : a.children("TeleAddress")) {
            ContactPoint cp = new ContactPoint();
            no.samnav.mappers.common.Parties.setTeleAddress(cp, tele.attr("V"));
            owner.setProperty("telecom", cp);
        }
    }
}
