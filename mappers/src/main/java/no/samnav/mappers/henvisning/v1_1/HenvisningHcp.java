package no.samnav.mappers.henvisning.v1_1;

import java.util.ArrayList;
import java.util.List;
import no.samnav.mappers.common.HcpParties;
import no.samnav.mappers.core.MessageBundles;
import no.samnav.mappers.core.ReadContext;
import no.samnav.mappers.core.WriteContext;
import no.samnav.mappers.error.Location;
import no.samnav.mappers.error.UnsupportedContentException;
import no.samnav.mappers.fhir.Extensions;
import no.samnav.mappers.fhir.KithCodes;
import no.samnav.mappers.kodeverk.KithCodeSystems;
import no.samnav.mappers.xml.XmlElement;
import no.samnav.mappers.xml.XmlOut;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * The HCP of Henvisning 1.1 on top of the shared {@link HcpParties}. What is Henvisning's own: the
 * HCP stands for its most specific party (the single department or person of an institution, else
 * the institution; for HCProf its PractitionerRole), which also carries MedSpeciality; person names
 * are split into given and family names (so the party can be written as a Hodemelding party in
 * Henvisning 2.0); main HER-ids are checked; the schema orders Inst's children AdditionalId,
 * HCPerson, Dept; and a party holds one address with one street line and no Postbox or telecom type,
 * which is reported lost.
 */
final class HenvisningHcp {

    private static final HcpParties.ReadOptions READ = new HcpParties.ReadOptions(
            KithCodeSystems.HEALTHCARE_PROFESSIONAL_TYPE, KithCodeSystems.HEALTHCARE_PROFESSIONAL_TYPE,
            true, false, true, true);

    private final String ns;

    HenvisningHcp(String ns) {
        this.ns = ns;
    }

    // ------------------------------------------------------------------ reading

    /**
     * Reads an HCP; returns the most specific party: the single department or person of an
     * institution when there is exactly one, else the institution; for HCProf its PractitionerRole.
     */
    static Reference read(XmlElement hcp, ReadContext ctx) {
        HcpParties.ReadHcp read = HcpParties.read(hcp, ctx, READ);
        Reference primary;
        if (read.prof() != null) primary = read.prof();
        else if (read.depts().size() == 1) primary = read.depts().get(0);
        else if (read.depts().isEmpty() && read.persons().size() == 1) primary = read.persons().get(0);
        else primary = read.inst();
        DomainResource owner = (DomainResource) ctx.resolve(primary);
        Extensions.add(owner, Extensions.MED_SPECIALITY, KithCodes.cv(hcp.child("MedSpeciality")));
        HcpParties.readAddressInto(hcp.child("Address"), read.addressOwner(), null, true);
        return primary;
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
            out.start(ns, "Inst");
            out.leaf(ns, "Name", inst.getName());
            if (inst.hasType()) ctx.loss(out.pathOf("Name"), inst, "type", "HCP Inst has no organisation type");
            HcpParties.writeAdditionalIds(out, ns, HcpParties.writeIdAndType(out, ns, inst.getIdentifier(), true));
            List<Organization> depts = descendants(ctx, inst);
            for (PractitionerRole role : MessageBundles.all(ctx.bundle(), PractitionerRole.class)) {
                Organization at = ctx.resolve(role.getOrganization(), Organization.class);
                if (at != inst && !depts.contains(at)) continue;
                Practitioner p = ctx.resolve(role.getPractitioner(), Practitioner.class);
                String personPath = HcpParties.writePerson(out, ns, p);
                if (p != null && (p.hasTelecom() || p.hasAddress())) {
                    ctx.loss(personPath, p, "telecom", "HCPerson has no address or telecom");
                }
            }
            for (Organization dept : depts) {
                String deptPath = HcpParties.writeDept(out, ns, dept);
                if (dept.hasTelecom() || dept.hasAddress()) ctx.loss(deptPath, dept, "address", "Dept has no address or telecom");
            }
            out.end();
            addressOwner = inst;
        } else if (r instanceof PractitionerRole || r instanceof Practitioner) {
            PractitionerRole role = r instanceof PractitionerRole pr ? pr : null;
            Practitioner p = role != null ? ctx.resolve(role.getPractitioner(), Practitioner.class) : (Practitioner) r;
            HcpParties.writeHcProf(out, ns, role, p);
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

    /**
     * Writes an Address (mandatory Type, one address, TeleAddress for every telecom) for a party or
     * the patient; {@code defaultType} is used when the address has no KITH type. What Henvisning
     * 1.1 cannot hold (telecom types, further street lines, Postbox, further addresses) is reported.
     */
    void address(XmlOut out, DomainResource owner, Coding defaultType, WriteContext ctx) {
        List<Address> addresses = HcpParties.addresses(owner);
        List<ContactPoint> telecoms = HcpParties.telecoms(owner);
        if (addresses.isEmpty() && telecoms.isEmpty()) return;
        HcpParties.writeAddress(out, ns, addresses, telecoms, defaultType != null ? defaultType : HcpParties.workAddressType(), false);
        for (int i = 0; i < telecoms.size(); i++) {
            if (telecoms.get(i).hasExtension(Extensions.TELECOM_TYPE)) {
                ctx.loss(out.pathOf("Address") + "/TeleAddress", owner, "telecom[" + i + "].extension('" + Extensions.TELECOM_TYPE + "')",
                        "Henvisning 1.1 TeleAddress has no TypeTelecom");
            }
        }
        Address a = addresses.isEmpty() ? new Address() : addresses.get(0);
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
