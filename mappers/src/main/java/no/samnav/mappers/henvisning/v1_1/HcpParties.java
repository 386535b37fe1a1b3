package no.samnav.mappers.henvisning.v1_1;

import java.util.ArrayList;
import java.util.List;
import no.samnav.mappers.common.Parties;
import no.samnav.mappers.core.MessageBundles;
import no.samnav.mappers.core.ReadContext;
import no.samnav.mappers.core.WriteContext;
import no.samnav.mappers.error.InvalidValueException;
import no.samnav.mappers.error.Location;
import no.samnav.mappers.error.UnsupportedContentException;
import no.samnav.mappers.fhir.Extensions;
import no.samnav.mappers.fhir.KithCodes;
import no.samnav.mappers.fhir.Systems;
import no.samnav.mappers.identifiers.NorwegianIds;
import no.samnav.mappers.kodeverk.IdentifierType;
import no.samnav.mappers.kodeverk.KithCodeSystems;
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
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;

/**
 * The health-service unit (HCP) of Henvisning 1.1 and the other pre-MsgHead KITH messages: an
 * institution (Inst) with departments (Dept) and persons (HCPerson), or a single professional
 * (HCProf), plus MedSpeciality and an Address with TeleAddress. Institutions and departments become
 * Organizations (departments {@code partOf} their institution), persons Practitioner + PractitionerRole.
 * Names, which HCP gives as one string, are kept as HumanName.text and split into given and family
 * names so that the party can be written as a Hodemelding Organisation / HealthcareProfessional.
 */
final class HcpParties {

    private final String ns;

    HcpParties(String ns) {
        this.ns = ns;
    }

    // ------------------------------------------------------------------ reading

    /**
     * Reads an HCP; returns the most specific party: the single department or person of an
     * institution when there is exactly one, else the institution; for HCProf its PractitionerRole.
     */
    static Reference read(XmlElement hcp, ReadContext ctx) {
        XmlElement inst = hcp.child("Inst");
        Reference primary;
        DomainResource addressOwner;
        if (inst != null) {
            Organization o = new Organization();
            o.setName(inst.textOf("Name"));
            identifiers(inst, o, true);
            Reference instRef = ctx.add(o);
            addressOwner = o;
            List<Reference> persons = new ArrayList<>();
            List<Reference> depts = new ArrayList<>();
            for (XmlElement person : inst.children("HCPerson")) {
                Practitioner p = new Practitioner();
                name(person.textOf("Name"), p, false);
                identifiers(person, p, false);
                PractitionerRole role = new PractitionerRole().setPractitioner(ctx.add(p)).setOrganization(instRef.copy());
                persons.add(ctx.add(role));
            }
            for (XmlElement dept : inst.children("Dept")) {
                Organization d = new Organization();
                d.setPartOf(instRef.copy());
                Coding type = KithCodes.cs(dept.child("Type"), KithCodeSystems.HEALTHCARE_PROFESSIONAL_TYPE);
                if (type != null) d.addType(new CodeableConcept(type));
                d.setName(dept.textOf("Name"));
                identifiers(dept, d, true);
                depts.add(ctx.add(d));
            }
            if (depts.size() == 1) primary = depts.get(0);
            else if (depts.isEmpty() && persons.size() == 1) primary = persons.get(0);
            else primary = instRef;
        } else {
            XmlElement prof = hcp.required("HCProf");
            Practitioner p = new Practitioner();
            name(prof.textOf("Name"), p, false);
            identifiers(prof, p, false);
            PractitionerRole role = new PractitionerRole().setPractitioner(ctx.add(p));
            Coding type = KithCodes.cs(prof.child("Type"), KithCodeSystems.HEALTHCARE_PROFESSIONAL_TYPE);
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

    /**
     * A name given as one string: {@code Family, Given} (the patient in Henvisning 1.1) or
     * {@code Given Family} (persons in HCP). The text is kept exactly; the split is a best effort.
     */
    static void name(String text, DomainResource target, boolean isPatient) {
        if (text == null) return;
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
        target.setProperty("name", name);
    }

    /** Id + TypeId (a CS without code system) and AdditionalId* as identifiers. */
    static void identifiers(XmlElement e, DomainResource target, boolean organisation) {
        String id = e.textOf("Id");
        XmlElement typeId = e.child("TypeId");
        if (id != null || typeId != null) {
            Identifier identifier = identifier(id, typeId, organisation);
            if (id != null && Systems.HER.equals(identifier.getSystem()) && !NorwegianIds.isValidHerId(identifier.getValue())) {
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

    static Identifier identifier(String id, XmlElement type, boolean organisation) {
        Identifier identifier = new Identifier();
        if (id != null) identifier.setValue(id.trim());
        String v = type == null ? null : KithCodes.token(type.attr("V"));
        String dn = type == null ? null : type.attr("DN");
        IdentifierType known = IdentifierType.of(v, organisation ? IdentifierType.ORGANISATION : IdentifierType.PERSON).orElse(null);
        identifier.setSystem(known != null ? known.fhirSystem()
                : "http://samnav.no/fhir/NamingSystem/kith-ident-" + (v == null ? "unknown" : v));
        if (type != null) identifier.setType(new CodeableConcept(new Coding(null, v, dn)));
        return identifier;
    }

    /** Address (Type, StreetAdr, PostalCode, City, County, Country, CityDistr, TeleAddress*). */
    static void address(XmlElement a, DomainResource owner) {
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
        if (!address.isEmpty()) owner.setProperty("address", address);
        for (XmlElement tele : a.children("TeleAddress")) {
            ContactPoint cp = new ContactPoint();
            Parties.setTeleAddress(cp, tele.attr("V"));
            owner.setProperty("telecom", cp);
        }
    }

    // ------------------------------------------------------------------ writing

    /** Writes an HCP element for the party a reference points to (Organization, PractitionerRole, Practitioner). */
    void write(XmlOut out, Reference party, String path, WriteContext ctx) {
        Resource r = ctx.resolve(party);
        out.start(ns, "HCP");
        DomainResource primary = (DomainResource) r;
        DomainResource addressOwner;
        Organization inst = null;
        if (r instanceof Organization o) {
            inst = o;
        } else if (r instanceof PractitionerRole role && role.hasOrganization()) {
            inst = ctx.resolve(role.getOrganization(), Organization.class);
        }
        while (inst != null && inst.hasPartOf() && ctx.resolve(inst.getPartOf(), Organization.class) != null) {
            inst = ctx.resolve(inst.getPartOf(), Organization.class);
        }
        if (inst != null) {
            out.start("Inst");
            out.leaf("Name", inst.getName());
            if (inst.hasType()) ctx.loss(out.pathOf("Name"), inst, "type", "HCP Inst has no organisation type");
            List<Identifier> additional = idAndType(out, inst.getIdentifier(), true);
            writeAdditional(out, additional);
            List<Organization> depts = descendants(ctx, inst);
            List<Reference> orgs = new ArrayList<>();
            orgs.add(new Reference(inst));
            for (PractitionerRole role : MessageBundles.all(ctx.bundle(), PractitionerRole.class)) {
                Organization at = ctx.resolve(role.getOrganization(), Organization.class);
                if (at != inst && !depts.contains(at)) continue;
                Practitioner p = ctx.resolve(role.getPractitioner(), Practitioner.class);
                out.start("HCPerson");
                out.leaf("Name", p == null ? null : nameText(p.getName()));
                if (p != null) writeAdditional(out, idAndType(out, p.getIdentifier(), false));
                if (p != null && (p.hasTelecom() || p.hasAddress())) {
                    ctx.loss(out.path(), p, "telecom", "HCPerson has no address or telecom");
                }
                out.end();
            }
            for (Organization dept : depts) {
                out.start("Dept");
                if (dept.hasType()) KithCodes.writeCs(out, ns, "Type", dept.getTypeFirstRep().getCodingFirstRep());
                out.leaf("Name", dept.getName());
                writeAdditional(out, idAndType(out, dept.getIdentifier(), true));
                if (dept.hasTelecom() || dept.hasAddress()) ctx.loss(out.path(), dept, "address", "Dept has no address or telecom");
                out.end();
            }
            out.end();
            addressOwner = inst;
        } else if (r instanceof PractitionerRole || r instanceof Practitioner) {
            PractitionerRole role = r instanceof PractitionerRole pr ? pr : null;
            Practitioner p = role != null ? ctx.resolve(role.getPractitioner(), Practitioner.class) : (Practitioner) r;
            out.start("HCProf");
            if (role != null && role.hasCode()) KithCodes.writeCs(out, ns, "Type", role.getCodeFirstRep().getCodingFirstRep());
            out.leaf("Name", p == null ? null : nameText(p.getName()));
            if (p != null) writeAdditional(out, idAndType(out, p.getIdentifier(), false));
            out.end();
            addressOwner = p;
        } else {
            throw new UnsupportedContentException(Location.ofPath(path),
                    path + " must refer to an Organization, PractitionerRole or Practitioner in the Bundle");
        }
        KithCodes.writeCv(out, ns, "MedSpeciality", (CodeableConcept) Extensions.value(primary, Extensions.MED_SPECIALITY));
        if (addressOwner != null) address(out, addressOwner, null, ctx);
        out.end();
    }

    /** The organisations below an institution (departments at any depth), in Bundle order. */
    private static List<Organization> descendants(WriteContext ctx, Organization inst) {
        List<Organization> result = new ArrayList<>();
        for (Organization o : MessageBundles.all(ctx.bundle(), Organization.class)) {
            Organization up = o.hasPartOf() ? ctx.resolve(o.getPartOf(), Organization.class) : null;
            while (up != null) {
                if (up == inst) {
                    result.add(o);
                    break;
                }
                up = up.hasPartOf() ? ctx.resolve(up.getPartOf(), Organization.class) : null;
            }
        }
        return result;
    }

    /** The one-string name of HCP: the text as read, else given names and family name. */
    static String nameText(List<HumanName> names) {
        if (names.isEmpty()) return null;
        HumanName n = names.get(0);
        if (n.hasText()) return n.getText();
        StringBuilder sb = new StringBuilder();
        for (StringType g : n.getGiven()) sb.append(g.getValue()).append(' ');
        if (n.hasFamily()) sb.append(n.getFamily());
        String s = sb.toString().trim();
        return s.isEmpty() ? null : s;
    }

    /** Writes Id and TypeId of the main identifier; returns the AdditionalIds to write later. */
    private List<Identifier> idAndType(XmlOut out, List<Identifier> identifiers, boolean organisation) {
        List<Identifier> additional = new ArrayList<>();
        Identifier main = null;
        for (Identifier i : identifiers) {
            if (main == null && !i.hasExtension(Extensions.ADDITIONAL_ID)) main = i;
            else additional.add(i);
        }
        if (main != null) {
            out.leaf("Id", main.getValue());
            KithCodes.writeCs(out, ns, "TypeId", typeOf(main, organisation));
        }
        return additional;
    }

    void writeAdditional(XmlOut out, List<Identifier> additional) {
        for (Identifier i : additional) {
            out.start("AdditionalId");
            out.leaf("Id", i.getValue() == null ? "" : i.getValue());
            Coding type = typeOf(i, IdentifierType.ofSystem(i.getSystem(), true).isPresent());
            KithCodes.writeCs(out, ns, "Type", type != null ? type : new Coding(null, "XXX", "Annet"));
            out.end();
        }
    }

    static Coding typeOf(Identifier i, boolean organisation) {
        if (i.hasType() && i.getType().hasCoding()) return i.getType().getCodingFirstRep();
        return IdentifierType.ofSystem(i.getSystem(), organisation)
                .map(t -> new Coding(null, t.code(), t.displayName())).orElse(null);
    }

    /**
     * Writes an Address (mandatory Type, one address, TeleAddress for every telecom) for a party or
     * the patient; {@code defaultType} is used when the address has no KITH type.
     */
    void address(XmlOut out, DomainResource owner, Coding defaultType, WriteContext ctx) {
        List<Address> addresses = new ArrayList<>();
        for (var v : Parties.values(owner, "address")) addresses.add((Address) v);
        List<ContactPoint> telecoms = new ArrayList<>();
        for (var v : Parties.values(owner, "telecom")) telecoms.add((ContactPoint) v);
        if (addresses.isEmpty() && telecoms.isEmpty()) return;
        Address a = addresses.isEmpty() ? new Address() : addresses.get(0);
        out.start(ns, "Address");
        Coding type = (Coding) Extensions.value(a, Extensions.ADDRESS_TYPE);
        if (type == null) type = defaultType != null ? defaultType : new Coding(null, "WP", "Arbeidsadresse");
        KithCodes.writeCs(out, ns, "Type", type);
        out.leaf("StreetAdr", a.hasLine() ? a.getLine().get(0).getValue() : null);
        out.leaf("PostalCode", a.getPostalCode());
        out.leaf("City", a.getCity());
        KithCodes.writeCs(out, ns, "County", (Coding) Extensions.value(a, Extensions.ADDRESS_COUNTY));
        Coding country = (Coding) Extensions.value(a, Extensions.ADDRESS_COUNTRY);
        if (country == null && a.hasCountry()) country = new Coding(null, a.getCountry(), null);
        KithCodes.writeCs(out, ns, "Country", country);
        KithCodes.writeCs(out, ns, "CityDistr", (Coding) Extensions.value(a, Extensions.ADDRESS_CITY_DISTRICT));
        for (int i = 0; i < telecoms.size(); i++) {
            ContactPoint cp = telecoms.get(i);
            String url = Parties.teleAddress(cp);
            if (url != null) out.attributesOnly(ns, "TeleAddress", "V", url);
            if (cp.hasExtension(Extensions.TELECOM_TYPE)) {
                ctx.loss(out.pathOf("TeleAddress"), owner, "telecom[" + i + "].extension('" + Extensions.TELECOM_TYPE + "')",
                        "Henvisning 1.1 TeleAddress has no TypeTelecom");
            }
        }
        out.end();
        for (int i = 1; i < a.getLine().size(); i++) {
            ctx.loss(out.pathOf("Address") + "/StreetAdr", owner, "address[0].line[" + i + "]", "Henvisning 1.1 holds one street line");
        }
        if (a.hasExtension(Extensions.ADDRESS_POSTBOX)) {
            ctx.loss(out.pathOf("Address"), owner, "address[0].extension('" + Extensions.ADDRESS_POSTBOX + "')",
                    "Henvisning 1.1 Address has no Postbox");
        }
        for (int i = 1; i < addresses.size(); i++) {
            ctx.loss(out.pathOf("Address"), owner, "address[" + i + "]", "a Henvisning 1.1 party holds one address");
        }
    }
}
