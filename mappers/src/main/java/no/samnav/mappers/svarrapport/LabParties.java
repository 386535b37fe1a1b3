package no.samnav.mappers.svarrapport;

import java.util.ArrayList;
import java.util.List;
import no.samnav.mappers.common.HcpParties;
import no.samnav.mappers.core.ReadContext;
import no.samnav.mappers.core.WriteContext;
import no.samnav.mappers.fhir.Extensions;
import no.samnav.mappers.fhir.KithCodes;
import no.samnav.mappers.xml.XmlElement;
import no.samnav.mappers.xml.XmlOut;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Extension;
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
 * relation codes, is kept in the {@link SvarrapportExtensions#PARTY} extension. The HCP itself is read
 * and written by the shared {@link HcpParties}; Svarrapport's own: persons belong to the first
 * department, Inst's children come in the order Dept, HCPerson, AdditionalId, street lines are
 * joined into one StreetAdr, and Postbox and further addresses are reported lost.
 */
public final class LabParties {

    /** How Svarrapport's HCP is read: its own Dept and HCProf type lists, persons in the first department. */
    private static final HcpParties.ReadOptions HCP = new HcpParties.ReadOptions(
            SvarrapportCodeSystems.DEPARTMENT_TYPE, SvarrapportCodeSystems.HEALTHCARE_PROFESSIONAL_TYPE, false, true, false, false);

    /** Volven 3403 (bydel), the code system of Address/CityDistr. */
    private static final String CITY_DISTRICT = "2.16.578.1.12.4.1.1.3403";

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
        HcpParties.ReadHcp read = HcpParties.read(hcp, ctx, HCP);
        Reference main;
        Reference organization = null;
        if (read.inst() != null) {
            ext.addExtension("hcp", read.inst().copy());
            read.depts().forEach(d -> ext.addExtension("dept", d.copy()));
            read.persons().forEach(p -> ext.addExtension("person", p.copy()));
            organization = read.firstDeptOrInst();
            main = read.persons().isEmpty() ? organization : read.persons().get(0);
        } else {
            main = read.prof();
            ext.addExtension("hcp", main.copy());
        }
        Extensions.add(read.addressOwner(), Extensions.MED_SPECIALITY, KithCodes.cv(hcp.child("MedSpeciality")));
        address(hcp.child("Address"), read.addressOwner());
        return new Party(ext, main, organization);
    }

    /** Address (Type, StreetAdr, PostalCode, City, County, Country, CityDistr, TeleAddress*) of a party or the patient. */
    static void address(XmlElement a, DomainResource owner) {
        HcpParties.readAddressInto(a, owner, CITY_DISTRICT, false);
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
            HcpParties.writeHcProf(out, ns, role, p);
            owner = p;
        } else {
            Organization o = hcp instanceof Organization org ? org : null;
            out.start(ns, "Inst");
            if (o != null) {
                out.leaf(ns, "Name", o.getName());
                List<Identifier> additional = HcpParties.writeIdAndType(out, ns, o.getIdentifier(), true);
                for (Reference deptRef : depts) {
                    Organization d = deptRef.getResource() instanceof Organization od ? od : ctx.resolve(deptRef, Organization.class);
                    if (d != null) HcpParties.writeDept(out, ns, d);
                }
                for (Reference personRef : persons) {
                    PractitionerRole role = ctx.resolve(personRef, PractitionerRole.class);
                    Practitioner p = role == null ? null : ctx.resolve(role.getPractitioner(), Practitioner.class);
                    if (p != null) HcpParties.writePerson(out, ns, p);
                }
                HcpParties.writeAdditionalIds(out, ns, additional);
            }
            out.end();
            owner = o;
        }
        if (owner != null) {
            KithCodes.writeCv(out, ns, "MedSpeciality", (CodeableConcept) Extensions.value(owner, Extensions.MED_SPECIALITY));
            writeAddress(out, ns, HcpParties.addresses(owner), HcpParties.telecoms(owner), "WP", "Arbeidsadresse", ctx, owner);
        }
        out.end();
    }

    /**
     * Writes an Address element (Type, StreetAdr with all lines, PostalCode, City, County, Country,
     * CityDistr, TeleAddress*) when the owner has an address or telecom; Postbox and further
     * addresses are reported lost.
     */
    static void writeAddress(XmlOut out, String ns, List<Address> addresses, List<ContactPoint> telecoms,
                             String defaultType, String defaultTypeDn, WriteContext ctx, DomainResource owner) {
        if (addresses.isEmpty() && telecoms.isEmpty()) return;
        HcpParties.writeAddress(out, ns, addresses, telecoms, new Coding(null, defaultType, defaultTypeDn), true);
        Address a = addresses.isEmpty() ? new Address() : addresses.get(0);
        if (Extensions.string(a, Extensions.ADDRESS_POSTBOX) != null) {
            ctx.loss(out.pathOf("Address/Postbox"), owner, "address[0].extension('" + Extensions.ADDRESS_POSTBOX + "')",
                    "Svarrapport addresses have no Postbox");
        }
        for (int i = 1; i < addresses.size(); i++) {
            ctx.loss(out.pathOf("Address"), owner, "address[" + i + "]", "Svarrapport holds one address per party");
        }
    }
}
