package no.samnav.mappers.common;

import java.util.ArrayList;
import java.util.List;
import no.samnav.mappers.core.ReadContext;
import no.samnav.mappers.core.WriteContext;
import no.samnav.mappers.error.InvalidValueException;
import no.samnav.mappers.fhir.Extensions;
import no.samnav.mappers.fhir.KithCodes;
import no.samnav.mappers.fhir.KithDates;
import no.samnav.mappers.fhir.Systems;
import no.samnav.mappers.identifiers.NorwegianIds;
import no.samnav.mappers.kodeverk.AppRecErrorCode;
import no.samnav.mappers.kodeverk.IdentifierType;
import no.samnav.mappers.kodeverk.KithCodeSystems;
import no.samnav.mappers.kodeverk.Sex;
import no.samnav.mappers.xml.XmlElement;
import no.samnav.mappers.xml.XmlOut;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Element;
import org.hl7.fhir.r4.model.Enumeration;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/**
 * The KITH common components (Hodemelding and felleskomponent1): Organisation, HealthcareProfessional,
 * Patient, Person, Ident, Address and TeleCom, mapped to the no-basis resources Organization,
 * Practitioner + PractitionerRole, Patient, RelatedPerson/Person, Identifier, Address and ContactPoint.
 * Used by every standard that embeds these components.
 */
public final class Parties {

    private Parties() {
    }

    /** The no-basis extension for a middle name on HumanName. */
    public static final String NO_BASIS_MIDDLENAME = "http://hl7.no/fhir/StructureDefinition/no-basis-middlename";

    /**
     * Namespaces for writing a component: {@code ns} for the component's own children, {@code typeNs}
     * for the content of Ident, Address and TeleCom (felleskomponent1 in most standards, the standard's
     * own namespace in Hodemelding).
     */
    public record Style(String ns, String typeNs) {
    }

    /** An organisation tree as read: the most specific party and, rarely, a person beside a sub-unit. */
    public record PartyRefs(Reference primary, Reference additional) {
    }

    // ------------------------------------------------------------------ reading

    /** Ident (Id, TypeId) as an Identifier with the national system for its type. */
    public static Identifier ident(XmlElement ident) {
        XmlElement idElement = ident.required("Id");
        String id = idElement.text().trim();
        XmlElement typeId = ident.required("TypeId");
        String v = KithCodes.token(typeId.attr("V"));
        String s = KithCodes.token(typeId.attr("S"));
        String dn = typeId.attr("DN");
        Identifier identifier = new Identifier().setValue(id);
        identifier.setSystem(IdentifierType.of(v, s).map(IdentifierType::fhirSystem)
                .orElse("http://samnav.no/fhir/NamingSystem/kith-ident-" + (v == null ? "unknown" : v)));
        identifier.setType(new CodeableConcept(new Coding(Systems.ofOid(s), v, dn)));
        return identifier;
    }

    /** The Idents of a person; the patient's FNR and D-number must have valid check digits. */
    private static void checkPersonIdent(XmlElement ident, Identifier identifier, boolean isPatient) {
        String system = identifier.getSystem();
        XmlElement idElement = ident.child("Id");
        if (Systems.FNR.equals(system) || Systems.DNR.equals(system)) {
            if (!NorwegianIds.isValidPersonNumber(identifier.getValue())) {
                String what = Systems.FNR.equals(system) ? "fødselsnummer" : "D-nummer";
                throw new InvalidValueException(isPatient ? AppRecErrorCode.E31 : AppRecErrorCode.T02,
                        idElement.location(),
                        (isPatient ? "The patient's " : "The person's ") + what
                                + " is not 11 digits with valid modulus-11 check digits");
            }
        } else if (Systems.HPR.equals(system) && !NorwegianIds.isValidHprNumber(identifier.getValue())) {
            throw new InvalidValueException(idElement.location(), "HPR-nummer must be 1 to 9 digits");
        } else if (Systems.HER.equals(system) && !NorwegianIds.isValidHerId(identifier.getValue())) {
            throw new InvalidValueException(idElement.location(), "HER-id must be 1 to 9 digits");
        }
    }

    /** Address as a FHIR Address (KITH codes kept in extensions). */
    public static Address address(XmlElement a) {
        if (a == null) return null;
        Address address = new Address();
        Extensions.add(address, Extensions.ADDRESS_TYPE, KithCodes.cs(a.child("Type"), KithCodeSystems.ADDRESS_TYPE));
        String street = a.textOf("StreetAdr");
        if (street != null) address.addLine(street);
        address.setPostalCode(a.textOf("PostalCode"));
        address.setCity(a.textOf("City"));
        Extensions.addString(address, Extensions.ADDRESS_POSTBOX, a.textOf("Postbox"));
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
        return address;
    }

    /** TeleCom (TypeTelecom, TeleAddress URL) as a ContactPoint. */
    public static ContactPoint telecom(XmlElement t) {
        ContactPoint cp = new ContactPoint();
        Extensions.add(cp, Extensions.TELECOM_TYPE, KithCodes.cs(t.child("TypeTelecom"), KithCodeSystems.TELECOM_TYPE));
        String url = t.required("TeleAddress").attr("V");
        setTeleAddress(cp, url);
        return cp;
    }

    /** Splits a KITH URL (tel:, fax:, mailto:, http:) into ContactPoint system and value. */
    public static void setTeleAddress(ContactPoint cp, String url) {
        if (url == null) return;
        String u = url.trim();
        if (u.startsWith("tel:")) {
            cp.setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(u.substring(4));
        } else if (u.startsWith("fax:")) {
            cp.setSystem(ContactPoint.ContactPointSystem.FAX).setValue(u.substring(4));
        } else if (u.startsWith("mailto:")) {
            cp.setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(u.substring(7));
        } else if (u.startsWith("http:") || u.startsWith("https:")) {
            cp.setSystem(ContactPoint.ContactPointSystem.URL).setValue(u);
        } else {
            cp.setSystem(ContactPoint.ContactPointSystem.OTHER).setValue(u);
        }
    }

    /** The KITH URL for a ContactPoint (inverse of {@link #setTeleAddress}). */
    public static String teleAddress(ContactPoint cp) {
        if (!cp.hasValue()) return null;
        if (!cp.hasSystem()) return cp.getValue();
        return switch (cp.getSystem()) {
            case PHONE, SMS, PAGER -> "tel:" + cp.getValue();
            case FAX -> "fax:" + cp.getValue();
            case EMAIL -> "mailto:" + cp.getValue();
            default -> cp.getValue();
        };
    }

    /** FamilyName, MiddleName, GivenName as a HumanName (middle name in the no-basis extension). */
    public static HumanName name(XmlElement e) {
        String family = e.textOf("FamilyName");
        String middle = e.textOf("MiddleName");
        String given = e.textOf("GivenName");
        if (family == null && middle == null && given == null) return null;
        HumanName name = new HumanName();
        name.setFamily(family);
        if (given != null) name.addGiven(given);
        Extensions.addString(name, NO_BASIS_MIDDLENAME, middle);
        return name;
    }

    /**
     * The fields shared by Patient, Person and HealthcareProfessional: names, DateOfBirth, Sex,
     * Nationality, Ident*, Address, TeleCom*, set on any resource with those FHIR elements.
     */
    public static void personFields(XmlElement e, DomainResource target, boolean isPatient) {
        HumanName name = name(e);
        if (name != null) target.setProperty("name", name);
        DateType birth = KithDates.date(e.textOf("DateOfBirth"), e.child("DateOfBirth"));
        if (birth != null) target.setProperty("birthDate", birth);
        XmlElement sexElement = e.child("Sex");
        if (sexElement != null) {
            Coding sex = KithCodes.cs(sexElement, KithCodeSystems.SEX);
            AdministrativeGender gender = Sex.fromCode(sex.getCode()).map(Sex::gender)
                    .orElse(AdministrativeGender.UNKNOWN);
            target.setProperty("gender", new CodeType(gender.toCode()));
            Element genderElement = (Element) target.getNamedProperty("gender").getValues().get(0);
            Extensions.add(genderElement, Extensions.KITH_CODE, sex);
        }
        Extensions.add(target, Extensions.NATIONALITY, KithCodes.cs(e.child("Nationality"), KithCodeSystems.COUNTRY));
        for (XmlElement ident : e.children("Ident")) {
            Identifier identifier = ident(ident);
            checkPersonIdent(ident, identifier, isPatient);
            target.setProperty("identifier", identifier);
        }
        Address address = address(e.child("Address"));
        if (address != null) target.setProperty("address", address);
        for (XmlElement t : e.children("TeleCom")) {
            target.setProperty("telecom", telecom(t));
        }
    }

    /** A Patient (no-basis identifiers: FNR, D-nummer, hjelpenummer). */
    public static Patient patient(XmlElement e) {
        Patient p = new Patient();
        personFields(e, p, true);
        return p;
    }

    /**
     * A HealthcareProfessional as Practitioner plus PractitionerRole (TypeHealthcareProfessional as
     * role code, RoleToPatient in an extension), the role belonging to {@code organization} if given.
     */
    public static Reference healthcareProfessional(XmlElement hp, ReadContext ctx, Reference organization) {
        Practitioner practitioner = new Practitioner();
        personFields(hp, practitioner, false);
        Reference practitionerRef = ctx.add(practitioner);
        PractitionerRole role = new PractitionerRole();
        role.setPractitioner(practitionerRef);
        if (organization != null) role.setOrganization(organization);
        Coding type = KithCodes.cs(hp.child("TypeHealthcareProfessional"), KithCodeSystems.HEALTHCARE_PROFESSIONAL_TYPE);
        if (type != null) role.addCode(new CodeableConcept(type));
        Extensions.add(role, Extensions.ROLE_TO_PATIENT, KithCodes.cv(hp.child("RoleToPatient")));
        return ctx.add(role);
    }

    /** One Organisation level (name, type, idents, address, telecom) as an Organization. */
    public static Organization organisation(XmlElement org) {
        Organization o = new Organization();
        o.setName(org.requiredText("OrganisationName"));
        CodeableConcept type = KithCodes.cv(org.child("TypeOrganisation"));
        if (type != null) o.addType(type);
        for (XmlElement ident : org.children("Ident")) {
            Identifier identifier = ident(ident);
            if (Systems.HER.equals(identifier.getSystem()) && !NorwegianIds.isValidHerId(identifier.getValue())) {
                throw new InvalidValueException(ident.child("Id").location(), "HER-id must be 1 to 9 digits");
            }
            o.addIdentifier(identifier);
        }
        Address address = address(org.child("Address"));
        if (address != null) o.addAddress(address);
        for (XmlElement t : org.children("TeleCom")) o.addTelecom(telecom(t));
        return o;
    }

    /**
     * An Organisation with its nested sub-units and health professional (Hodemelding style) as
     * Organizations linked by partOf, and a PractitionerRole for the person.
     */
    public static PartyRefs organisationTree(XmlElement org, ReadContext ctx) {
        return organisationTree(org, ctx, null);
    }

    private static PartyRefs organisationTree(XmlElement org, ReadContext ctx, Reference partOf) {
        Organization o = organisation(org);
        if (partOf != null) o.setPartOf(partOf);
        Reference ref = ctx.add(o);
        XmlElement hp = org.child("HealthcareProfessional");
        Reference person = hp == null ? null : healthcareProfessional(hp, ctx, ref);
        XmlElement sub = org.child("Organisation");
        if (sub == null) return new PartyRefs(person != null ? person : ref, null);
        PartyRefs deeper = organisationTree(sub, ctx, ref);
        if (person == null) return deeper;
        // A person beside a sub-unit: the sub-unit chain stays primary, the person is carried alongside.
        return new PartyRefs(deeper.primary(), person);
    }

    // ------------------------------------------------------------------ writing

    /** Writes an Ident element from an Identifier. */
    /**
     * True when an identifier can be written as a KITH Ident: it has a KITH type code, or its system
     * is one of the national identifier types. A local identifier of another system has no TypeId.
     */
    public static boolean hasKithType(Identifier identifier, boolean organisation) {
        return identifier.getType().getCodingFirstRep().getCode() != null
                || IdentifierType.ofSystem(identifier.getSystem(), organisation).isPresent();
    }

    /** Writes the identifiers that have a KITH type; the others are reported lost. */
    private static void writeIdents(XmlOut out, Style st, List<Identifier> identifiers, boolean organisation,
            WriteContext ctx, DomainResource owner) {
        for (int i = 0; i < identifiers.size(); i++) {
            Identifier id = identifiers.get(i);
            if (hasKithType(id, organisation)) {
                writeIdent(out, st, id, organisation);
            } else if (ctx != null) {
                ctx.loss(out.pathOf("Ident"), owner, "identifier[" + i + "]",
                        "an identifier of system " + id.getSystem() + " has no KITH identifier type (TypeId)");
            }
        }
    }

    public static void writeIdent(XmlOut out, Style st, Identifier identifier, boolean organisation) {
        out.start(st.ns(), "Ident");
        out.leaf(st.typeNs(), "Id", identifier.getValue());
        Coding type = identifier.getType().getCodingFirstRep();
        String v = type.getCode();
        String s = Systems.oidOf(type.getSystem());
        String dn = type.getDisplay();
        if (v == null) {
            IdentifierType t = IdentifierType.ofSystem(identifier.getSystem(), organisation).orElse(null);
            if (t != null) {
                v = t.code();
                s = t.oid();
                dn = t.displayName();
            }
        }
        out.attributesOnly(st.typeNs(), "TypeId", "V", v, "S", s, "DN", dn);
        out.end();
    }

    /** Writes an Address element; further addresses are reported as lost (KITH has one). */
    public static void writeAddress(XmlOut out, Style st, List<Address> addresses, WriteContext ctx, DomainResource owner) {
        if (addresses.isEmpty()) return;
        Address a = addresses.get(0);
        out.start(st.ns(), "Address");
        KithCodes.writeCs(out, st.typeNs(), "Type", (Coding) Extensions.value(a, Extensions.ADDRESS_TYPE));
        out.leaf(st.typeNs(), "StreetAdr", a.hasLine() ? String.join(", ", lines(a)) : null);
        out.leaf(st.typeNs(), "PostalCode", a.getPostalCode());
        out.leaf(st.typeNs(), "City", a.getCity());
        out.leaf(st.typeNs(), "Postbox", Extensions.string(a, Extensions.ADDRESS_POSTBOX));
        Coding county = (Coding) Extensions.value(a, Extensions.ADDRESS_COUNTY);
        KithCodes.writeCs(out, st.typeNs(), "County", county);
        Coding country = (Coding) Extensions.value(a, Extensions.ADDRESS_COUNTRY);
        if (country == null && a.hasCountry()) country = new Coding(null, a.getCountry(), null);
        KithCodes.writeCs(out, st.typeNs(), "Country", country);
        out.end();
        for (int i = 1; i < addresses.size(); i++) {
            ctx.loss(out.pathOf("Address"), owner, "address[" + i + "]", "the standard holds one address per party");
        }
    }

    private static List<String> lines(Address a) {
        List<String> lines = new ArrayList<>();
        for (StringType s : a.getLine()) lines.add(s.getValue());
        return lines;
    }

    /** Writes TeleCom elements. */
    public static void writeTelecoms(XmlOut out, Style st, List<ContactPoint> telecoms) {
        for (ContactPoint cp : telecoms) {
            String url = teleAddress(cp);
            if (url == null) continue;
            out.start(st.ns(), "TeleCom");
            KithCodes.writeCs(out, st.typeNs(), "TypeTelecom", (Coding) Extensions.value(cp, Extensions.TELECOM_TYPE));
            out.attributesOnly(st.typeNs(), "TeleAddress", "V", url);
            out.end();
        }
    }

    /** Writes FamilyName, MiddleName, GivenName (or given name first, as in Dialogmelding's Person). */
    public static void writeName(XmlOut out, Style st, List<HumanName> names, boolean givenFirst) {
        if (names.isEmpty()) return;
        HumanName n = names.get(0);
        String given = n.hasGiven() ? n.getGivenAsSingleString() : null;
        String middle = Extensions.string(n, NO_BASIS_MIDDLENAME);
        if (givenFirst) {
            out.leaf(st.ns(), "GivenName", given);
            out.leaf(st.ns(), "MiddleName", middle);
            out.leaf(st.ns(), "FamilyName", n.getFamily());
        } else {
            out.leaf(st.ns(), "FamilyName", n.getFamily());
            out.leaf(st.ns(), "MiddleName", middle);
            out.leaf(st.ns(), "GivenName", given);
        }
    }

    /**
     * Writes the person fields (names, DateOfBirth, Sex, Nationality, Ident*, Address, TeleCom*) of
     * a Patient, Practitioner, RelatedPerson or Person.
     */
    @SuppressWarnings("unchecked")
    public static void writePersonFields(XmlOut out, Style st, DomainResource person, boolean givenFirst, WriteContext ctx) {
        writeName(out, st, (List<HumanName>) (List<?>) values(person, "name"), givenFirst);
        List<Base> birth = values(person, "birthDate");
        if (!birth.isEmpty()) out.leaf(st.ns(), "DateOfBirth", KithDates.toKithDate((DateType) birth.get(0)));
        List<Base> gender = values(person, "gender");
        if (!gender.isEmpty()) {
            Enumeration<?> g = (Enumeration<?>) gender.get(0);
            Coding sex = (Coding) Extensions.value(g, Extensions.KITH_CODE);
            if (sex == null && g.getValue() != null) {
                sex = Sex.fromGender((AdministrativeGender) g.getValue()).map(KithCodes::coding).orElse(null);
            }
            KithCodes.writeCs(out, st.ns(), "Sex", sex);
        }
        KithCodes.writeCs(out, st.ns(), "Nationality", (Coding) Extensions.value(person, Extensions.NATIONALITY));
        writeIdents(out, st, (List<Identifier>) (List<?>) values(person, "identifier"), false, ctx, person);
        writeAddress(out, st, (List<Address>) (List<?>) values(person, "address"), ctx, person);
        writeTelecoms(out, st, (List<ContactPoint>) (List<?>) values(person, "telecom"));
    }

    /** Writes a HealthcareProfessional element from a PractitionerRole (or a bare Practitioner). */
    public static void writeHealthcareProfessional(XmlOut out, Style st, String elementName, DomainResource roleOrPractitioner,
                                                   WriteContext ctx) {
        PractitionerRole role = roleOrPractitioner instanceof PractitionerRole r ? r : null;
        Practitioner practitioner = role != null ? ctx.resolve(role.getPractitioner(), Practitioner.class)
                : (Practitioner) roleOrPractitioner;
        out.start(st.ns(), elementName);
        if (role != null && role.hasCode()) {
            KithCodes.writeCs(out, st.ns(), "TypeHealthcareProfessional", role.getCodeFirstRep().getCodingFirstRep());
        }
        if (role != null) {
            KithCodes.writeCv(out, st.ns(), "RoleToPatient", (CodeableConcept) Extensions.value(role, Extensions.ROLE_TO_PATIENT));
        }
        if (practitioner != null) writePersonFields(out, st, practitioner, false, ctx);
        out.end();
    }

    /** Writes one Organisation level's own fields in Hodemelding order (name first) or felleskomponent1 order (type first). */
    public static void writeOrganisationFields(XmlOut out, Style st, Organization o, boolean typeFirst, WriteContext ctx) {
        if (typeFirst && o.hasType()) KithCodes.writeCv(out, st.ns(), "TypeOrganisation", o.getTypeFirstRep());
        out.leaf(st.ns(), "OrganisationName", o.getName() == null ? "" : o.getName());
        if (!typeFirst && o.hasType()) KithCodes.writeCv(out, st.ns(), "TypeOrganisation", o.getTypeFirstRep());
        writeIdents(out, st, o.getIdentifier(), true, ctx, o);
        writeAddress(out, st, o.getAddress(), ctx, o);
        writeTelecoms(out, st, o.getTelecom());
    }

    /**
     * Writes an Organisation tree (Hodemelding style, with nested Organisation and HealthcareProfessional)
     * for the party {@code primary} refers to; {@code additional} is a person beside a sub-unit.
     */
    public static void writeOrganisationTree(XmlOut out, Style st, Reference primary, Reference additional, WriteContext ctx) {
        List<Organization> chain = new ArrayList<>();
        PractitionerRole person = ctx.resolve(primary, PractitionerRole.class);
        Organization org = person != null ? ctx.resolve(person.getOrganization(), Organization.class)
                : ctx.resolve(primary, Organization.class);
        while (org != null) {
            chain.add(0, org);
            org = org.hasPartOf() ? ctx.resolve(org.getPartOf(), Organization.class) : null;
        }
        PractitionerRole beside = ctx.resolve(additional, PractitionerRole.class);
        writeLevel(out, st, chain, 0, person, beside, ctx);
    }

    private static void writeLevel(XmlOut out, Style st, List<Organization> chain, int level, PractitionerRole person,
                                   PractitionerRole beside, WriteContext ctx) {
        if (level >= chain.size()) return;
        Organization o = chain.get(level);
        out.start(st.ns(), "Organisation");
        writeOrganisationFields(out, st, o, false, ctx);
        writeLevel(out, st, chain, level + 1, person, beside, ctx);
        PractitionerRole here = null;
        if (person != null && belongsTo(person, o, ctx)) here = person;
        else if (beside != null && belongsTo(beside, o, ctx)) here = beside;
        if (here != null) writeHealthcareProfessional(out, st, "HealthcareProfessional", here, ctx);
        out.end();
    }

    private static boolean belongsTo(PractitionerRole role, Organization o, WriteContext ctx) {
        return ctx.resolve(role.getOrganization(), Organization.class) == o;
    }

    /** The values of a named FHIR property (list or single). */
    public static List<Base> values(Base resource, String property) {
        var p = resource.getNamedProperty(property);
        return p == null ? List.of() : p.getValues();
    }
}
