package no.samnav.mappers.svarrapport;

import java.util.ArrayList;
import java.util.List;
import no.samnav.mappers.common.Parties;
import no.samnav.mappers.core.ReadContext;
import no.samnav.mappers.core.WriteContext;
import no.samnav.mappers.fhir.Extensions;
import no.samnav.mappers.fhir.KithCodes;
import no.samnav.mappers.kodeverk.IdentifierType;
import no.samnav.mappers.xml.XmlElement;
import no.samnav.mappers.xml.XmlOut;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * The "old" KITH party structure of Svarrapport 1.4 (shared with Henvisning 1.1 and Epikrise 1.2):
 * HCP with either Inst (Name, Id/TypeId, Dept*, HCPerson*, AdditionalId*) or HCProf, plus
 * MedSpeciality and Address. Inst and Dept become Organizations (Dept partOf Inst), HCPerson and
 * HCProf a Practitioner with a PractitionerRole. Which element a party stood in, and its role and
 * relation codes, is kept in the {@link SvarrapportExtensions#PARTY} extension.
 */
public final class LabParties {

    private LabParties() {
    }

    /** A party as read: its extension and the reference that best stands for it in FHIR elements. */
    public record Party(Extension extension, Reference main, Reference organization) {
    }

    // ------------------------------------------------------------------ reading

    /**
     * Reads the element holding an HCP (ServProvider, Requester, RelServProv, ...) as a party of
     * {@code kind}; the CS children Role, Relation and ComMethod go into the extension.
     */
    public static Party read(XmlElement holder, String kind, ReadContext ctx) {
        Extension ext = new Extension(SvarrapportExtensions.PARTY);
        ext.addExtension("kind", new CodeType(kind));
        Extensions.addSub(ext, "role", KithCodes.cs(holder.child("Role"), SvarrapportCodeSystems.PARTY_ROLE));
        String relationSystem = kind.equals("relServProv") ? SvarrapportCodeSystems.REL_SERV_PROV_RELATION
                : SvarrapportCodeSystems.SUBJECT_RELATION;
        Extensions.addSub(ext, "relation", KithCodes.cs(holder.child("Relation"), relationSystem));
        Extensions.addSub(ext, "comMethod", KithCodes.cs(holder.child("ComMethod"), SvarrapportCodeSystems.COM_METHOD));
        Extensions.addSubString(ext, "typeGuarantor", holder.textOf("TypeGuarantor"));
        for (XmlElement role : holder.children("CopyDestRole")) {
            Extension r = new Extension("copyDestRole");
            Extensions.addSub(r, "msgType", KithCodes.cs(role.required("MsgType"), SvarrapportCodeSystems.COPY_MSG_TYPE));
            Extensions.addSub(r, "reqComMethod", KithCodes.cs(role.child("ReqComMethod"), SvarrapportCodeSystems.COM_METHOD));
            Extensions.addSub(r, "actComMethod", KithCodes.cs(role.child("ActComMethod"), SvarrapportCodeSystems.COM_METHOD));
            ext.addExtension(r);
        }
        XmlElement hcp = holder.required("HCP");
        XmlElement inst = hcp.child("Inst");
        Reference main;
        Reference organization = null;
        DomainResource owner;
        if (inst != null) {
            Organization o = new Organization();
            o.setName(inst.textOf("Name"));
            identifiers(inst, o, true);
            Reference instRef = ctx.add(o);
            owner = o;
            organization = instRef;
            ext.addExtension("hcp", instRef.copy());
            Reference firstDept = null;
            for (XmlElement dept : inst.children("Dept")) {
                Organization d = new Organization();
                d.setPartOf(instRef.copy());
                Coding type = KithCodes.cs(dept.child("Type"), SvarrapportCodeSystems.DEPARTMENT_TYPE);
                if (type != null) d.addType(new CodeableConcept(type));
                d.setName(dept.textOf("Name"));
                identifiers(dept, d, true);
                Reference deptRef = ctx.add(d);
                if (firstDept == null) firstDept = deptRef;
                ext.addExtension("dept", deptRef.copy());
            }
            Reference firstPerson = null;
            for (XmlElement person : inst.children("HCPerson")) {
                Practitioner p = new Practitioner();
                String name = person.textOf("Name");
                if (name != null) p.addName(new HumanName().setText(name));
                identifiers(person, p, false);
                PractitionerRole role = new PractitionerRole().setPractitioner(ctx.add(p))
                        .setOrganization((firstDept != null ? firstDept : instRef).copy());
                Reference roleRef = ctx.add(role);
                if (firstPerson == null) firstPerson = roleRef;
                ext.addExtension("person", roleRef.copy());
            }
            if (firstDept != null) organization = firstDept;
            main = firstPerson != null ? firstPerson : organization;
        } else {
            XmlElement prof = hcp.required("HCProf");
            Practitioner p = new Practitioner();
            String name = prof.textOf("Name");
            if (name != null) p.addName(new HumanName().setText(name));
            identifiers(prof, p, false);
            PractitionerRole role = new PractitionerRole().setPractitioner(ctx.add(p));
            Coding type = KithCodes.cs(prof.child("Type"), SvarrapportCodeSystems.HEALTHCARE_PROFESSIONAL_TYPE);
            if (type != null) role.addCode(new CodeableConcept(type));
            main = ctx.add(role);
            owner = p;
            ext.addExtension("hcp", main.copy());
        }
        Extensions.add(owner, Extensions.MED_SPECIALITY, KithCodes.cv(hcp.child("MedSpeciality")));
        address(hcp.child("Address"), owner);
        return new Party(ext, main, organization);
    }

    /** Id + TypeId (CS) and AdditionalId* (Id, Type) as identifiers. */
    static void identifiers(XmlElement e, DomainResource target, boolean organisation) {
        String id = e.textOf("Id");
        XmlElement typeId = e.child("TypeId");
        if (id != null || typeId != null) target.setProperty("identifier", identifier(id, typeId, organisation));
        for (XmlElement additional : e.children("AdditionalId")) {
            Identifier identifier = identifier(additional.requiredText("Id"), additional.required("Type"), organisation);
            identifier.addExtension(Extensions.ADDITIONAL_ID, new BooleanType(true));
            target.setProperty("identifier", identifier);
        }
    }

    /** An identifier from an id and its type code (FNR, HPR, HER, ENH, ...). */
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
        if (a == null) return;
        Address address = Parties.address(a);
        Extensions.add(address, Extensions.ADDRESS_CITY_DISTRICT, KithCodes.cs(a.child("CityDistr"), "2.16.578.1.12.4.1.1.3403"));
        owner.setProperty("address", address);
        for (XmlElement tele : a.children("TeleAddress")) {
            ContactPoint cp = new ContactPoint();
            Parties.setTeleAddress(cp, tele.attr("V"));
            owner.setProperty("telecom", cp);
        }
    }

    // ------------------------------------------------------------------ writing

    /**
     * Writes {@code holderName} (ServProvider, Requester, ...) for a party extension: Role, Relation,
     * ComMethod (those the element has in the schema, given by {@code children}), then HCP.
     */
    public static void write(XmlOut out, String ns, String holderName, Extension party, List<String> children,
                             WriteContext ctx) {
        out.start(ns, holderName);
        for (String child : children) {
            switch (child) {
                case "Role" -> KithCodes.writeCs(out, ns, "Role", (Coding) Extensions.sub(party, "role"));
                case "Relation" -> {
                    Coding relation = (Coding) Extensions.sub(party, "relation");
                    KithCodes.writeCs(out, ns, "Relation", relation != null ? relation
                            : new Coding(null, "AHP", "Ansvarlig helsepersonell"));
                }
                case "ComMethod" -> KithCodes.writeCs(out, ns, "ComMethod", (Coding) Extensions.sub(party, "comMethod"));
                case "TypeGuarantor" -> {
                    String t = Extensions.subString(party, "typeGuarantor");
                    out.leaf(ns, "TypeGuarantor", t == null ? "" : t);
                }
                case "CopyDestRole" -> {
                    for (Extension r : party.getExtensionsByUrl("copyDestRole")) {
                        out.start(ns, "CopyDestRole");
                        Coding msgType = (Coding) Extensions.sub(r, "msgType");
                        KithCodes.writeCs(out, ns, "MsgType", msgType != null ? msgType : new Coding(null, "SVAR", null));
                        KithCodes.writeCs(out, ns, "ReqComMethod", (Coding) Extensions.sub(r, "reqComMethod"));
                        KithCodes.writeCs(out, ns, "ActComMethod", (Coding) Extensions.sub(r, "actComMethod"));
                        out.end();
                    }
                }
                default -> throw new IllegalArgumentException(child);
            }
        }
        Reference hcpRef = (Reference) Extensions.sub(party, "hcp");
        List<Reference> depts = new ArrayList<>();
        List<Reference> persons = new ArrayList<>();
        for (Extension e : party.getExtensionsByUrl("dept")) depts.add((Reference) e.getValue());
        for (Extension e : party.getExtensionsByUrl("person")) persons.add((Reference) e.getValue());
        writeHcp(out, ns, ctx.resolve(hcpRef), depts, persons, ctx);
        out.end();
    }

    /** Writes a holder element for a party given only as a FHIR reference (Organization or PractitionerRole). */
    public static void writeFromReference(XmlOut out, String ns, String holderName, Reference party, WriteContext ctx) {
        out.start(ns, holderName);
        Resource r = ctx.resolve(party);
        List<Reference> depts = new ArrayList<>();
        List<Reference> persons = new ArrayList<>();
        Resource hcp = r;
        if (r instanceof PractitionerRole role && role.hasOrganization()) {
            persons.add(party);
            hcp = ctx.resolve(role.getOrganization());
        }
        if (hcp instanceof Organization o && o.hasPartOf()) {
            Reference dept = new Reference();
            dept.setResource(o);
            depts.add(dept);
            hcp = ctx.resolve(o.getPartOf());
        }
        writeHcp(out, ns, hcp, depts, persons, ctx);
        out.end();
    }

    private static void writeHcp(XmlOut out, String ns, Resource hcp, List<Reference> depts, List<Reference> persons,
                                 WriteContext ctx) {
        out.start(ns, "HCP");
        DomainResource owner;
        if (hcp instanceof PractitionerRole role) {
            Practitioner p = ctx.resolve(role.getPractitioner(), Practitioner.class);
            out.start(ns, "HCProf");
            if (role.hasCode()) KithCodes.writeCs(out, ns, "Type", role.getCodeFirstRep().getCodingFirstRep());
            if (p != null) writeIdentified(out, ns, p.hasName() ? nameText(p.getNameFirstRep()) : null, p.getIdentifier(), false);
            out.end();
            owner = p;
        } else {
            Organization o = hcp instanceof Organization org ? org : null;
            out.start(ns, "Inst");
            if (o != null) {
                out.leaf(ns, "Name", o.getName());
                List<Identifier> main = mainAndAdditional(o.getIdentifier(), true);
                writeId(out, ns, main.isEmpty() ? null : main.get(0), true);
                for (Reference deptRef : depts) {
                    Organization d = deptRef.getResource() instanceof Organization od ? od : ctx.resolve(deptRef, Organization.class);
                    if (d == null) continue;
                    out.start(ns, "Dept");
                    if (d.hasType()) KithCodes.writeCs(out, ns, "Type", d.getTypeFirstRep().getCodingFirstRep());
                    writeIdentified(out, ns, d.getName(), d.getIdentifier(), true);
                    out.end();
                }
                for (Reference personRef : persons) {
                    PractitionerRole role = ctx.resolve(personRef, PractitionerRole.class);
                    Practitioner p = role == null ? null : ctx.resolve(role.getPractitioner(), Practitioner.class);
                    if (p == null) continue;
                    out.start(ns, "HCPerson");
                    writeIdentified(out, ns, p.hasName() ? nameText(p.getNameFirstRep()) : null, p.getIdentifier(), false);
                    out.end();
                }
                for (int i = 1; i < main.size(); i++) writeAdditional(out, ns, main.get(i), true);
            }
            out.end();
            owner = o;
        }
        if (owner != null) {
            KithCodes.writeCv(out, ns, "MedSpeciality", (CodeableConcept) Extensions.value(owner, Extensions.MED_SPECIALITY));
            @SuppressWarnings("unchecked")
            List<Address> addresses = (List<Address>) (List<?>) Parties.values(owner, "address");
            @SuppressWarnings("unchecked")
            List<ContactPoint> telecoms = (List<ContactPoint>) (List<?>) Parties.values(owner, "telecom");
            writeAddress(out, ns, addresses, telecoms, "WP", "Arbeidsadresse", ctx, owner);
        }
        out.end();
    }

    /** Name, Id, TypeId, AdditionalId* (the shape of Dept, HCPerson and HCProf after Type). */
    private static void writeIdentified(XmlOut out, String ns, String name, List<Identifier> identifiers, boolean organisation) {
        out.leaf(ns, "Name", name);
        List<Identifier> ordered = mainAndAdditional(identifiers, organisation);
        writeId(out, ns, ordered.isEmpty() ? null : ordered.get(0), organisation);
        for (int i = 1; i < ordered.size(); i++) writeAdditional(out, ns, ordered.get(i), organisation);
    }

    /**
     * The identifiers in writing order: the first one not read from an AdditionalId (written as
     * Id/TypeId), then all others (written as AdditionalId, since the element holds one Id).
     */
    private static List<Identifier> mainAndAdditional(List<Identifier> identifiers, boolean organisation) {
        List<Identifier> result = new ArrayList<>();
        Identifier main = null;
        for (Identifier i : identifiers) {
            if (main == null && !i.hasExtension(Extensions.ADDITIONAL_ID)) main = i;
        }
        if (main != null) result.add(main);
        for (Identifier i : identifiers) if (i != main) result.add(i);
        return result;
    }

    private static void writeId(XmlOut out, String ns, Identifier id, boolean organisation) {
        if (id == null) return;
        out.leaf(ns, "Id", id.getValue());
        Coding type = typeOf(id, organisation);
        KithCodes.writeCs(out, ns, "TypeId", type);
    }

    private static void writeAdditional(XmlOut out, String ns, Identifier id, boolean organisation) {
        out.start(ns, "AdditionalId");
        out.leaf(ns, "Id", id.getValue() == null ? "" : id.getValue());
        Coding type = typeOf(id, organisation);
        KithCodes.writeCs(out, ns, "Type", type != null ? type : new Coding(null, "XXX", "Annet"));
        out.end();
    }

    /** The KITH type of an identifier: as read, or from its FHIR system. */
    static Coding typeOf(Identifier id, boolean organisation) {
        if (id.hasType() && id.getType().getCodingFirstRep().hasCode()) return id.getType().getCodingFirstRep();
        return IdentifierType.ofSystem(id.getSystem(), organisation)
                .map(t -> new Coding(null, t.code(), t.displayName())).orElse(null);
    }

    /** The name of a practitioner as one string (the KITH ST Name). */
    static String nameText(HumanName n) {
        if (n.hasText()) return n.getText();
        StringBuilder sb = new StringBuilder();
        if (n.hasGiven()) sb.append(n.getGivenAsSingleString());
        if (n.hasFamily()) sb.append(sb.length() > 0 ? " " : "").append(n.getFamily());
        return sb.length() == 0 ? null : sb.toString();
    }

    /**
     * Writes an Address element (Type, StreetAdr, PostalCode, City, County, Country, CityDistr,
     * TeleAddress*) when the owner has an address or telecom; further addresses are reported lost.
     */
    static void writeAddress(XmlOut out, String ns, List<Address> addresses, List<ContactPoint> telecoms,
                             String defaultType, String defaultTypeDn, WriteContext ctx, DomainResource owner) {
        if (addresses.isEmpty() && telecoms.isEmpty()) return;
        Address a = addresses.isEmpty() ? new Address() : addresses.get(0);
        out.start(ns, "Address");
        Coding type = (Coding) Extensions.value(a, Extensions.ADDRESS_TYPE);
        KithCodes.writeCs(out, ns, "Type", type != null ? type : new Coding(null, defaultType, defaultTypeDn));
        if (a.hasLine()) {
            List<String> lines = new ArrayList<>();
            a.getLine().forEach(l -> lines.add(l.getValue()));
            out.leaf(ns, "StreetAdr", String.join(", ", lines));
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
        if (Extensions.string(a, Extensions.ADDRESS_POSTBOX) != null) {
            ctx.loss(out.pathOf("Address/Postbox"), owner, "address[0].extension('" + Extensions.ADDRESS_POSTBOX + "')",
                    "Svarrapport addresses have no Postbox");
        }
        for (int i = 1; i < addresses.size(); i++) {
            ctx.loss(out.pathOf("Address"), owner, "address[" + i + "]", "Svarrapport holds one address per party");
        }
    }
}
