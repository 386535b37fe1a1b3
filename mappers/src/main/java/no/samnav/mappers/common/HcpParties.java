package no.samnav.mappers.common;

import java.util.ArrayList;
import java.util.List;
import no.samnav.mappers.core.ReadContext;
import no.samnav.mappers.error.InvalidValueException;
import no.samnav.mappers.fhir.Extensions;
import no.samnav.mappers.fhir.KithCodes;
import no.samnav.mappers.fhir.Systems;
import no.samnav.mappers.identifiers.NorwegianIds;
import no.samnav.mappers.kodeverk.IdentifierType;
import no.samnav.mappers.xml.XmlElement;
import no.samnav.mappers.xml.XmlOut;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/**
 * The health-care party {@code HCP} of the older (pre-Hodemelding) KITH standards: AppRec 1.0/1.1,
 * Henvisning 1.1, Svarrapport 1.4 and Epikrise 1.1/1.2. An HCP holds either an institution
 * ({@code Inst}: Name, Id, TypeId, AdditionalId*, Dept*, HCPerson*) or a single professional
 * ({@code HCProf}: Type, Name, Id, TypeId, AdditionalId*), plus MedSpeciality and an
 * {@code Address} (Type, StreetAdr, PostalCode, City, County, Country, CityDistr, TeleAddress*).
 * Unlike the felleskomponent1 parties of {@link Parties}, ids sit directly on the element and
 * names are one string.
 *
 * <p>FHIR shape shared by all these standards: Inst and Dept become Organizations (Dept
 * {@code partOf} its Inst, Dept/Type in {@code Organization.type}), HCPerson and HCProf a
 * Practitioner with a PractitionerRole (HCProf/Type in {@code PractitionerRole.code}); the
 * main Id/TypeId becomes the first identifier, each AdditionalId a further identifier marked with
 * {@link Extensions#ADDITIONAL_ID} so that it is written back as an AdditionalId.
 *
 * <p>What differs between the standards is passed in, not branched on here: the code systems of
 * Dept/Type and HCProf/Type, the order in which the schema wants Inst's children (Henvisning 1.1:
 * AdditionalId, HCPerson, Dept; AppRec: Dept, AdditionalId, HCPerson; Svarrapport and Epikrise:
 * Dept, HCPerson, AdditionalId), whether persons belong to the first department, and the loss
 * reports, whose wording names the standard. Epikrise, whose HCP carries extra elements (Inst/Type,
 * HCProf/Position and Qual) and whose ids are not marked, uses only the identifier and address parts.
 */
public final class HcpParties {

    private HcpParties() {
    }

    // ------------------------------------------------------------------ reading

    /**
     * How a standard's HCP is read.
     *
     * @param deptTypeSystem     OID of the code system of Dept/Type
     * @param profTypeSystem     OID of the code system of HCProf/Type
     * @param personsBeforeDepts read (and add to the Bundle) the HCPersons before the Depts
     * @param personsInFirstDept PractitionerRole.organization of an HCPerson is the first Dept
     *                           (when there is one) rather than the Inst
     * @param splitPersonNames   split person names into given and family ({@link #splitName})
     *                           besides keeping the text
     * @param checkHerIds        reject a main Id of type HER that is not a valid HER-id
     */
    public record ReadOptions(String deptTypeSystem, String profTypeSystem, boolean personsBeforeDepts,
                              boolean personsInFirstDept, boolean splitPersonNames, boolean checkHerIds) {
    }

    /**
     * The resources an HCP was read into: for an Inst its Organization, departments and persons
     * (PractitionerRoles) in document order; for an HCProf its PractitionerRole. {@code addressOwner}
     * is the Inst's Organization or the HCProf's Practitioner (not yet given the address).
     */
    public record ReadHcp(Reference inst, List<Reference> depts, List<Reference> persons, Reference prof,
                          DomainResource addressOwner) {

        /** The first department or, when there is none, the institution (null for an HCProf). */
        public Reference firstDeptOrInst() {
            return depts.isEmpty() ? inst : depts.get(0);
        }
    }

    /**
     * Reads the Inst or HCProf of an HCP into resources added to the context. MedSpeciality and
     * Address are left to the caller, since the standards attach them to different resources.
     */
    public static ReadHcp read(XmlElement hcp, ReadContext ctx, ReadOptions options) {
        XmlElement inst = hcp.child("Inst");
        if (inst == null) {
            XmlElement prof = hcp.required("HCProf");
            Practitioner p = new Practitioner();
            personName(prof.textOf("Name"), p, options);
            readIdentifiers(prof, p, false, options.checkHerIds());
            PractitionerRole role = new PractitionerRole().setPractitioner(ctx.add(p));
            Coding type = KithCodes.cs(prof.child("Type"), options.profTypeSystem());
            if (type != null) role.addCode(new CodeableConcept(type));
            return new ReadHcp(null, List.of(), List.of(), ctx.add(role), p);
        }
        Organization o = new Organization();
        o.setName(inst.textOf("Name"));
        readIdentifiers(inst, o, true, options.checkHerIds());
        Reference instRef = ctx.add(o);
        List<Reference> depts = new ArrayList<>();
        List<Reference> persons = new ArrayList<>();
        if (options.personsBeforeDepts()) {
            readPersons(inst, instRef, persons, ctx, options);
            readDepts(inst, instRef, depts, ctx, options);
        } else {
            readDepts(inst, instRef, depts, ctx, options);
            Reference home = options.personsInFirstDept() && !depts.isEmpty() ? depts.get(0) : instRef;
            readPersons(inst, home, persons, ctx, options);
        }
        return new ReadHcp(instRef, depts, persons, null, o);
    }

    private static void readDepts(XmlElement inst, Reference instRef, List<Reference> depts, ReadContext ctx,
                                  ReadOptions options) {
        for (XmlElement dept : inst.children("Dept")) {
            Organization d = new Organization();
            d.setPartOf(instRef.copy());
            Coding type = KithCodes.cs(dept.child("Type"), options.deptTypeSystem());
            if (type != null) d.addType(new CodeableConcept(type));
            d.setName(dept.textOf("Name"));
            readIdentifiers(dept, d, true, options.checkHerIds());
            depts.add(ctx.add(d));
        }
    }

    private static void readPersons(XmlElement inst, Reference home, List<Reference> persons, ReadContext ctx,
                                    ReadOptions options) {
        for (XmlElement person : inst.children("HCPerson")) {
            Practitioner p = new Practitioner();
            personName(person.textOf("Name"), p, options);
            readIdentifiers(person, p, false, options.checkHerIds());
            PractitionerRole role = new PractitionerRole().setPractitioner(ctx.add(p)).setOrganization(home.copy());
            persons.add(ctx.add(role));
        }
    }

    private static void personName(String text, Practitioner p, ReadOptions options) {
        if (text == null) return;
        p.addName(options.splitPersonNames() ? splitName(text) : new HumanName().setText(text));
    }

    /**
     * A name given as one string, kept exactly as text and split as a best effort: {@code Family, Given}
     * when it has a comma, else {@code Given Family} (the last word is the family name).
     */
    public static HumanName splitName(String text) {
        HumanName name = new HumanName().setText(text);
        String t = text.trim();
        int comma = t.indexOf(',');
        if (comma > 0) {
            name.setFamily(t.substring(0, comma).trim());
            String given = t.substring(comma + 1).trim();
            if (!given.isEmpty()) name.addGiven(given);
        } else {
            int space = t.lastIndexOf(' ');
            if (space > 0) {
                name.addGiven(t.substring(0, space).trim());
                name.setFamily(t.substring(space + 1).trim());
            } else if (!t.isEmpty()) {
                name.setFamily(t);
            }
        }
        return name;
    }

    /**
     * Id + TypeId (a CS without code system) and AdditionalId* (Id, Type) of an element as
     * identifiers of {@code target}; the additional ones are marked with {@link Extensions#ADDITIONAL_ID}.
     */
    public static void readIdentifiers(XmlElement e, DomainResource target, boolean organisation, boolean checkHerId) {
        String id = e.textOf("Id");
        XmlElement typeId = e.child("TypeId");
        if (id != null || typeId != null) {
            Identifier identifier = identifier(id, typeId, organisation);
            if (checkHerId && id != null && Systems.HER.equals(identifier.getSystem())
                    && !NorwegianIds.isValidHerId(identifier.getValue())) {
                throw new InvalidValueException(e.child("Id").location(), "HER-id must be 1 to 9 digits");
            }
            target.setProperty("identifier", identifier);
        }
        for (XmlElement additional : e.children("AdditionalId")) {
            Identifier identifier = identifier(additional.requiredText("Id"), additional.required("Type"), organisation);
            identifier.addExtension(Extensions.ADDITIONAL_ID, new BooleanType(true));
            target.setProperty("identifier", identifier);
        }
    }

    /** An identifier from an id and its KITH type code (FNR, HPR, HER, ENH, ...); the type's coding has no system. */
    public static Identifier identifier(String id, XmlElement type, boolean organisation) {
        return identifier(id, type, organisation, false);
    }

    /**
     * An identifier from an id and its KITH type code. Its system is the FHIR system of the known
     * type, else a samnav naming system for the code; the type is kept as read in
     * {@code Identifier.type}, whose coding names the identifier-type code system (person or
     * organisation) when {@code typeWithSystem}.
     */
    public static Identifier identifier(String id, XmlElement type, boolean organisation, boolean typeWithSystem) {
        Identifier identifier = new Identifier();
        if (id != null) identifier.setValue(id.trim());
        String v = type == null ? null : KithCodes.token(type.attr("V"));
        String dn = type == null ? null : type.attr("DN");
        String oid = organisation ? IdentifierType.ORGANISATION : IdentifierType.PERSON;
        IdentifierType known = IdentifierType.of(v, oid).orElse(null);
        identifier.setSystem(known != null ? known.fhirSystem()
                : "http://samnav.no/fhir/NamingSystem/kith-ident-" + (v == null ? "unknown" : v));
        if (type != null) identifier.setType(new CodeableConcept(new Coding(typeWithSystem ? Systems.ofOid(oid) : null, v, dn)));
        return identifier;
    }

    /**
     * The Address element without its TeleAddresses: Type (Volven 3401; mandatory in every schema,
     * rejected when missing if {@code typeRequired}), StreetAdr, PostalCode, City, County, Country
     * (as for {@link Parties#address}) and CityDistr in an extension (code system {@code cityDistrSystem},
     * which not every standard names).
     */
    public static Address readAddress(XmlElement a, String cityDistrSystem, boolean typeRequired) {
        if (typeRequired) a.required("Type");
        Address address = Parties.address(a);
        Extensions.add(address, Extensions.ADDRESS_CITY_DISTRICT, KithCodes.cs(a.child("CityDistr"), cityDistrSystem));
        return address;
    }

    /** The TeleAddress URLs of an Address as ContactPoints. */
    public static List<ContactPoint> readTeleAddresses(XmlElement a) {
        List<ContactPoint> telecoms = new ArrayList<>();
        for (XmlElement tele : a.children("TeleAddress")) {
            ContactPoint cp = new ContactPoint();
            Parties.setTeleAddress(cp, tele.attr("V"));
            telecoms.add(cp);
        }
        return telecoms;
    }

    /** Reads an Address (may be null) into {@code owner}'s address (when not empty) and telecoms. */
    public static void readAddressInto(XmlElement a, DomainResource owner, String cityDistrSystem, boolean typeRequired) {
        if (a == null) return;
        Address address = readAddress(a, cityDistrSystem, typeRequired);
        if (!address.isEmpty()) owner.setProperty("address", address);
        for (ContactPoint cp : readTeleAddresses(a)) owner.setProperty("telecom", cp);
    }

    // ------------------------------------------------------------------ writing

    /** The one-string name of a person: the text as read, else given names and family name. */
    public static String nameText(List<HumanName> names) {
        if (names.isEmpty()) return null;
        HumanName n = names.get(0);
        if (n.hasText()) return n.getText();
        StringBuilder sb = new StringBuilder();
        for (StringType g : n.getGiven()) {
            if (g.hasValue()) sb.append(g.getValue()).append(' ');
        }
        if (n.hasFamily()) sb.append(n.getFamily());
        String s = sb.toString().trim();
        return s.isEmpty() ? null : s;
    }

    /**
     * Writes Id and TypeId of the main identifier (the first one not read from an AdditionalId) and
     * returns the others, in order, for {@link #writeAdditionalIds} (which the schema may want later).
     */
    public static List<Identifier> writeIdAndType(XmlOut out, String ns, List<Identifier> identifiers, boolean organisation) {
        List<Identifier> additional = new ArrayList<>();
        Identifier main = null;
        for (Identifier i : identifiers) {
            if (main == null && !i.hasExtension(Extensions.ADDITIONAL_ID)) main = i;
            else additional.add(i);
        }
        if (main != null) {
            out.leaf(ns, "Id", main.getValue());
            KithCodes.writeCs(out, ns, "TypeId", typeOf(main, organisation));
        }
        return additional;
    }

    /** Writes AdditionalId (Id, Type) for each identifier; a type that cannot be told is XXX "Annet". */
    public static void writeAdditionalIds(XmlOut out, String ns, List<Identifier> additional) {
        for (Identifier i : additional) {
            out.start(ns, "AdditionalId");
            out.leaf(ns, "Id", i.getValue() == null ? "" : i.getValue());
            Coding type = typeOf(i, IdentifierType.ofSystem(i.getSystem(), true).isPresent());
            KithCodes.writeCs(out, ns, "Type", type != null ? type : new Coding(null, "XXX", "Annet"));
            out.end();
        }
    }

    /** Name, Id, TypeId and AdditionalId* (the tail shared by Dept, HCPerson and HCProf). */
    public static void writeNameAndIds(XmlOut out, String ns, String name, List<Identifier> identifiers, boolean organisation) {
        out.leaf(ns, "Name", name);
        writeAdditionalIds(out, ns, writeIdAndType(out, ns, identifiers, organisation));
    }

    /**
     * Writes a Dept: Type (from Organization.type), Name, Id, TypeId, AdditionalId*. Returns the
     * element's path (e.g. {@code .../Inst/Dept[2]}) for loss reports.
     */
    public static String writeDept(XmlOut out, String ns, Organization dept) {
        out.start(ns, "Dept");
        String path = out.path();
        if (dept.hasType()) KithCodes.writeCs(out, ns, "Type", dept.getTypeFirstRep().getCodingFirstRep());
        writeNameAndIds(out, ns, dept.getName(), dept.getIdentifier(), true);
        out.end();
        return path;
    }

    /**
     * Writes an HCPerson (Name, Id, TypeId, AdditionalId*), empty when the practitioner is unknown.
     * Returns the element's path for loss reports.
     */
    public static String writePerson(XmlOut out, String ns, Practitioner p) {
        out.start(ns, "HCPerson");
        String path = out.path();
        if (p != null) writeNameAndIds(out, ns, nameText(p.getName()), p.getIdentifier(), false);
        out.end();
        return path;
    }

    /** Writes an HCProf: Type (from PractitionerRole.code), Name, Id, TypeId, AdditionalId*. */
    public static void writeHcProf(XmlOut out, String ns, PractitionerRole role, Practitioner p) {
        out.start(ns, "HCProf");
        if (role != null && role.hasCode()) KithCodes.writeCs(out, ns, "Type", role.getCodeFirstRep().getCodingFirstRep());
        if (p != null) writeNameAndIds(out, ns, nameText(p.getName()), p.getIdentifier(), false);
        out.end();
    }

    /** The KITH type of an identifier: as read, or from its FHIR system. */
    public static Coding typeOf(Identifier i, boolean organisation) {
        if (i.hasType() && i.getType().hasCoding()) return i.getType().getCodingFirstRep();
        return IdentifierType.ofSystem(i.getSystem(), organisation)
                .map(t -> new Coding(null, t.code(), t.displayName())).orElse(null);
    }

    /**
     * Writes an Address for the first of {@code addresses} with a TeleAddress for each telecom, when
     * there is either. Type is mandatory: the KITH type as read, else {@code defaultType}. The schema
     * holds one StreetAdr: with {@code joinStreetLines} all lines go into it separated by ", ",
     * otherwise only the first (the caller reports the rest lost). Losses of further addresses,
     * Postbox and telecom types are the caller's to report, with its standard's wording.
     */
    public static void writeAddress(XmlOut out, String ns, List<Address> addresses, List<ContactPoint> telecoms,
                                    Coding defaultType, boolean joinStreetLines) {
        if (addresses.isEmpty() && telecoms.isEmpty()) return;
        Address a = addresses.isEmpty() ? new Address() : addresses.get(0);
        out.start(ns, "Address");
        Coding type = (Coding) Extensions.value(a, Extensions.ADDRESS_TYPE);
        if (type == null || (type.getCode() == null && type.getDisplay() == null)) type = defaultType;
        KithCodes.writeCs(out, ns, "Type", type);
        if (a.hasLine()) {
            List<String> lines = new ArrayList<>();
            a.getLine().forEach(l -> lines.add(l.getValue()));
            out.leaf(ns, "StreetAdr", joinStreetLines ? String.join(", ", lines) : lines.get(0));
        }
        out.leaf(ns, "PostalCode", a.getPostalCode());
        out.leaf(ns, "City", a.getCity());
        KithCodes.writeCs(out, ns, "County", (Coding) Extensions.value(a, Extensions.ADDRESS_COUNTY));
        Coding country = (Coding) Extensions.value(a, Extensions.ADDRESS_COUNTRY);
        if (country == null && a.hasCountry()) country = new Coding(null, a.getCountry(), null);
        KithCodes.writeCs(out, ns, "Country", country);
        KithCodes.writeCs(out, ns, "CityDistr", (Coding) Extensions.value(a, Extensions.ADDRESS_CITY_DISTRICT));
        for (ContactPoint cp : telecoms) {
            String url = Parties.teleAddress(cp);
            if (url != null) out.attributesOnly(ns, "TeleAddress", "V", url);
        }
        out.end();
    }

    /** A work address type (WP "Arbeidsadresse"), the default for parties. */
    public static Coding workAddressType() {
        return new Coding(null, "WP", "Arbeidsadresse");
    }

    /** The addresses of a resource that has them (Organization, Practitioner, Patient, ...). */
    public static List<Address> addresses(DomainResource owner) {
        List<Address> result = new ArrayList<>();
        for (var v : Parties.values(owner, "address")) result.add((Address) v);
        return result;
    }

    /** The telecoms of a resource that has them. */
    public static List<ContactPoint> telecoms(DomainResource owner) {
        List<ContactPoint> result = new ArrayList<>();
        for (var v : Parties.values(owner, "telecom")) result.add((ContactPoint) v);
        return result;
    }
}
