package no.samnav.mappers.epikrise;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import no.samnav.mappers.common.HcpParties;
import no.samnav.mappers.common.Parties;
import no.samnav.mappers.core.MessageBundles;
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
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * The parties of the older KITH "Message" standards (Epikrise 1.1/1.2): {@code HCP} with an
 * institution ({@code Inst} with {@code Dept}s and {@code HCPerson}s) or a lone professional
 * ({@code HCProf}), the poKomponent-style {@code Patient} and {@code Address}. These differ from the
 * felleskomponent1/Hodemelding parties of {@link Parties}: ids sit directly on the element
 * ({@code Id}, {@code TypeId}, {@code AdditionalId}) and names are one string.
 *
 * <p>An institution becomes an Organization, each department an Organization {@code partOf} it,
 * each person a Practitioner with a PractitionerRole in the first department (or the institution).
 * The reference that stands for the whole HCP is the most specific party: the first person, else
 * the first department, else the institution.
 */
public final class EpikriseParties {

    /** Volven 3403 (bydel), the code system of Address/CityDistr. */
    private static final String CITY_DISTRICT = "2.16.578.1.12.4.1.1.3403";

    private final String ns;
    private final boolean v11;

    public EpikriseParties(String ns, boolean v11) {
        this.ns = ns;
        this.v11 = v11;
    }

    // ------------------------------------------------------------------ reading

    /** An HCP element as resources; returns the reference that stands for it. */
    public Reference readHcp(XmlElement hcp, ReadContext ctx) {
        XmlElement inst = hcp.child("Inst");
        Reference primary;
        DomainResource addressOwner;
        if (inst != null) {
            Organization o = new Organization();
            o.setName(inst.textOf("Name"));
            Extensions.add(o, EpikriseExtensions.UNIT_TYPE, KithCodes.cs(inst.child("Type"), null));
            identifiers(inst, "TypeId", o::addIdentifier, true);
            Reference instRef = ctx.add(o);
            List<Reference> depts = new ArrayList<>();
            for (XmlElement dept : inst.children("Dept")) {
                Organization d = new Organization();
                Extensions.add(d, EpikriseExtensions.UNIT_TYPE, KithCodes.cs(dept.child("Type"), null));
                d.setName(dept.textOf("Name"));
                identifiers(dept, "TypeId", d::addIdentifier, true);
                d.setPartOf(instRef.copy());
                depts.add(ctx.add(d));
            }
            Reference home = depts.isEmpty() ? instRef : depts.get(0);
            List<Reference> persons = new ArrayList<>();
            for (XmlElement person : inst.children("HCPerson")) {
                Practitioner p = new Practitioner();
                String name = person.textOf("Name");
                if (name != null) p.addName().setText(name);
                identifiers(person, "TypeId", p::addIdentifier, false);
                PractitionerRole role = new PractitionerRole();
                role.setPractitioner(ctx.add(p));
                role.setOrganization(home.copy());
                persons.add(ctx.add(role));
            }
            primary = !persons.isEmpty() ? persons.get(0) : home;
            Resource r = ctx.resolve(primary);
            addressOwner = (DomainResource) r;
        } else {
            XmlElement prof = hcp.required("HCProf");
            Practitioner p = new Practitioner();
            PractitionerRole role = new PractitionerRole();
            Coding type = KithCodes.cs(prof.child("Type"), KithCodeSystems.HEALTHCARE_PROFESSIONAL_TYPE);
            if (type != null) role.addCode(new CodeableConcept(type));
            Extensions.add(role, EpikriseExtensions.POSITION, KithCodes.cv(prof.child("Position")));
            String name = prof.textOf("Name");
            if (name != null) p.addName().setText(name);
            for (XmlElement qual : prof.children("Qual")) p.addQualification().setCode(KithCodes.cv(qual));
            identifiers(prof, "TypeId", p::addIdentifier, false);
            role.setPractitioner(ctx.add(p));
            role.addExtension(EpikriseExtensions.HC_PROF, new BooleanType(true));
            primary = ctx.add(role);
            addressOwner = role;
        }
        Extensions.add(addressOwner, Extensions.MED_SPECIALITY, KithCodes.cv(hcp.child("MedSpecialty")));
        Extensions.addString(addressOwner, EpikriseExtensions.PARTY_ID_BY_REQUESTER, hcp.textOf("PartyIdByRequester"));
        Extensions.addString(addressOwner, EpikriseExtensions.PARTY_ID_BY_SERV_PROV, hcp.textOf("PartyIdByServProv"));
        XmlElement address = hcp.child("Address");
        if (address != null) {
            List<ContactPoint> telecoms = new ArrayList<>();
            Address a = address(address, telecoms);
            if (addressOwner instanceof Organization o) {
                o.addAddress(a);
                telecoms.forEach(o::addTelecom);
            } else if (addressOwner instanceof PractitionerRole role) {
                Practitioner p = (Practitioner) ctx.resolve(role.getPractitioner());
                p.addAddress(a);
                telecoms.forEach(role::addTelecom);
            }
        }
        return primary;
    }

    /** {@code Id} + type element and {@code AdditionalId}s of an element as Identifiers, in order. */
    static void identifiers(XmlElement e, String typeElement, Consumer<Identifier> add, boolean organisation) {
        XmlElement id = e.child("Id");
        XmlElement type = e.child(typeElement);
        if (id != null) add.accept(identifier(id, type, organisation));
        for (XmlElement additional : e.children("AdditionalId")) {
            add.accept(identifier(additional.required("Id"), additional.required("Type"), organisation));
        }
    }

    /** An identifier whose type coding names the KITH identifier-type code system (see {@link HcpParties#identifier}). */
    private static Identifier identifier(XmlElement id, XmlElement type, boolean organisation) {
        return HcpParties.identifier(id.text(), type, organisation, true);
    }

    /** A poKomponent Address; its TeleAddress URLs go to {@code telecoms}. */
    static Address address(XmlElement a, List<ContactPoint> telecoms) {
        telecoms.addAll(HcpParties.readTeleAddresses(a));
        return HcpParties.readAddress(a, CITY_DISTRICT, false);
    }

    /** The Patient element (without PatRelHCP, which the reader handles since it needs HCPs). */
    public Patient readPatient(XmlElement e) {
        Patient p = new Patient();
        XmlElement sexElement = e.child("Sex");
        if (sexElement != null) {
            Coding sex = KithCodes.cs(sexElement, KithCodeSystems.SEX);
            AdministrativeGender gender = Sex.fromCode(sex.getCode()).map(Sex::gender).orElse(AdministrativeGender.UNKNOWN);
            p.setGender(gender);
            Extensions.add(p.getGenderElement(), Extensions.KITH_CODE, sex);
        }
        XmlElement birth = e.child("DateOfBirth");
        if (birth != null && birth.attr("V") != null) {
            String v = birth.attr("V").trim();
            p.setBirthDateElement(KithDates.date(v.length() > 10 ? v.substring(0, 10) : v, birth));
        }
        XmlElement death = e.child("DateOfDeath");
        if (death != null && death.attr("V") != null) p.setDeceased(KithDates.dateTime(death.attr("V"), death));
        String name = e.textOf("Name");
        if (name != null) p.addName(name(name));
        String bySp = e.textOf("IdByServProvider");
        if (bySp != null) p.addIdentifier().setSystem(EpikriseExtensions.ID_BY_SERV_PROVIDER).setValue(bySp.trim());
        String byReq = e.textOf("IdByRequester");
        if (byReq != null) p.addIdentifier().setSystem(EpikriseExtensions.ID_BY_REQUESTER).setValue(byReq.trim());
        XmlElement offId = e.child("OffId");
        if (offId != null) {
            Identifier id = identifier(offId, e.child("TypeOffId"), false);
            if ((Systems.FNR.equals(id.getSystem()) || Systems.DNR.equals(id.getSystem()))
                    && !NorwegianIds.isValidPersonNumber(id.getValue())) {
                throw new InvalidValueException(AppRecErrorCode.E31, offId.location(),
                        "The patient's OffId is not 11 digits with valid modulus-11 check digits");
            }
            p.addIdentifier(id);
        } else if (e.has("TypeOffId")) {
            Extensions.add(p, Extensions.KITH_CODE, KithCodes.cs(e.child("TypeOffId"), IdentifierType.PERSON));
        }
        for (XmlElement additional : e.children("AdditionalId")) {
            p.addIdentifier(identifier(additional.required("Id"), additional.required("Type"), false));
        }
        XmlElement address = e.child("Address");
        if (address != null) {
            List<ContactPoint> telecoms = new ArrayList<>();
            p.addAddress(address(address, telecoms));
            telecoms.forEach(p::addTelecom);
        }
        return p;
    }

    /** A KITH one-string name ("Family, Given" or "Given Family") as text, with family/given when "Family, Given". */
    static HumanName name(String text) {
        HumanName n = new HumanName().setText(text);
        int comma = text.indexOf(',');
        if (comma > 0 && comma < text.length() - 1) {
            n.setFamily(text.substring(0, comma).trim());
            String given = text.substring(comma + 1).trim();
            if (!given.isEmpty()) n.addGiven(given);
        }
        return n;
    }

    // ------------------------------------------------------------------ writing

    /** Writes an HCP element for the party a reference stands for. */
    public void writeHcp(XmlOut out, Reference ref, WriteContext ctx) {
        Resource r = ctx.resolve(ref);
        out.start(ns, "HCP");
        DomainResource addressOwner = null;
        PractitionerRole role = r instanceof PractitionerRole pr ? pr : null;
        Practitioner lone = r instanceof Practitioner p ? p : null;
        Organization org = r instanceof Organization o ? o : null;
        if (role != null && !role.hasExtension(EpikriseExtensions.HC_PROF) && role.hasOrganization()) {
            org = ctx.resolve(role.getOrganization(), Organization.class);
        }
        if (org != null) {
            Organization inst = org;
            while (inst.hasPartOf() && ctx.resolve(inst.getPartOf(), Organization.class) != null) {
                inst = ctx.resolve(inst.getPartOf(), Organization.class);
            }
            writeInst(out, inst, ctx);
            addressOwner = role != null ? role : org;
        } else if (role != null || lone != null) {
            writeHcProf(out, role, lone != null ? lone : ctx.resolve(role.getPractitioner(), Practitioner.class));
            addressOwner = role != null ? role : lone;
        } else {
            out.start("Inst").end();
        }
        if (addressOwner != null) {
            KithCodes.writeCv(out, ns, "MedSpecialty", (CodeableConcept) Extensions.value(addressOwner, Extensions.MED_SPECIALITY));
            String byReq = Extensions.string(addressOwner, EpikriseExtensions.PARTY_ID_BY_REQUESTER);
            String bySp = Extensions.string(addressOwner, EpikriseExtensions.PARTY_ID_BY_SERV_PROV);
            if (v11) {
                out.leaf("PartyIdByRequester", byReq);
                out.leaf("PartyIdByServProv", bySp);
            } else {
                if (byReq != null) ctx.loss(out.pathOf("PartyIdByRequester"), addressOwner,
                        "extension('" + EpikriseExtensions.PARTY_ID_BY_REQUESTER + "')", "Epikrise 1.2 removed HCP/PartyIdByRequester");
                if (bySp != null) ctx.loss(out.pathOf("PartyIdByServProv"), addressOwner,
                        "extension('" + EpikriseExtensions.PARTY_ID_BY_SERV_PROV + "')", "Epikrise 1.2 removed HCP/PartyIdByServProv");
            }
            if (addressOwner instanceof Organization o) {
                writeAddress(out, o.getAddress(), o.getTelecom());
            } else if (addressOwner instanceof PractitionerRole pr) {
                Practitioner p = ctx.resolve(pr.getPractitioner(), Practitioner.class);
                writeAddress(out, p == null ? List.of() : p.getAddress(), pr.getTelecom());
            } else if (addressOwner instanceof Practitioner p) {
                writeAddress(out, p.getAddress(), p.getTelecom());
            }
        }
        out.end();
    }

    private void writeInst(XmlOut out, Organization inst, WriteContext ctx) {
        out.start("Inst");
        out.leaf("Name", inst.getName());
        Coding type = (Coding) Extensions.value(inst, EpikriseExtensions.UNIT_TYPE);
        if (v11) {
            KithCodes.writeCs(out, ns, "Type", type);
        } else if (type != null) {
            ctx.loss(out.pathOf("Type"), inst, "extension('" + EpikriseExtensions.UNIT_TYPE + "')", "Epikrise 1.2 removed Inst/Type");
        }
        List<Identifier> ids = inst.getIdentifier();
        writeMainId(out, ids, "TypeId", true);
        List<Organization> depts = new ArrayList<>();
        for (Organization o : MessageBundles.all(ctx.bundle(), Organization.class)) {
            if (o.hasPartOf() && ctx.resolve(o.getPartOf()) == inst) depts.add(o);
        }
        for (Organization d : depts) {
            out.start("Dept");
            KithCodes.writeCs(out, ns, "Type", (Coding) Extensions.value(d, EpikriseExtensions.UNIT_TYPE));
            out.leaf("Name", d.getName());
            writeMainId(out, d.getIdentifier(), "TypeId", true);
            writeAdditionalIds(out, d.getIdentifier());
            out.end();
        }
        for (PractitionerRole role : MessageBundles.all(ctx.bundle(), PractitionerRole.class)) {
            if (role.hasExtension(EpikriseExtensions.HC_PROF) || !role.hasOrganization()) continue;
            Resource home = ctx.resolve(role.getOrganization());
            if (home != inst && !depts.contains(home)) continue;
            Practitioner p = ctx.resolve(role.getPractitioner(), Practitioner.class);
            out.start("HCPerson");
            if (p != null) {
                out.leaf("Name", nameText(p.getName()));
                writeMainId(out, p.getIdentifier(), "TypeId", false);
                writeAdditionalIds(out, p.getIdentifier());
            }
            out.end();
        }
        writeAdditionalIds(out, ids);
        out.end();
    }

    private void writeHcProf(XmlOut out, PractitionerRole role, Practitioner p) {
        out.start("HCProf");
        if (role != null) {
            if (role.hasCode()) KithCodes.writeCs(out, ns, "Type", role.getCodeFirstRep().getCodingFirstRep());
            KithCodes.writeCv(out, ns, "Position", (CodeableConcept) Extensions.value(role, EpikriseExtensions.POSITION));
        }
        if (p != null) {
            out.leaf("Name", nameText(p.getName()));
            for (Practitioner.PractitionerQualificationComponent q : p.getQualification()) {
                KithCodes.writeCv(out, ns, "Qual", q.getCode());
            }
            writeMainId(out, p.getIdentifier(), "TypeId", false);
            writeAdditionalIds(out, p.getIdentifier());
        }
        out.end();
    }

    /** The identifiers that become {@code Id}/type: the first one not kept as a patient's local id. */
    private void writeMainId(XmlOut out, List<Identifier> ids, String typeElement, boolean organisation) {
        if (ids.isEmpty()) return;
        Identifier id = ids.get(0);
        out.leaf("Id", id.getValue());
        writeIdType(out, typeElement, id, organisation);
    }

    private void writeAdditionalIds(XmlOut out, List<Identifier> ids) {
        for (int i = 1; i < ids.size(); i++) {
            out.start("AdditionalId");
            out.leaf("Id", ids.get(i).getValue() == null ? "" : ids.get(i).getValue());
            writeIdType(out, "Type", ids.get(i), false);
            out.end();
        }
    }

    private void writeIdType(XmlOut out, String element, Identifier id, boolean organisation) {
        Coding type = id.getType().getCodingFirstRep();
        String v = type.getCode();
        String dn = type.getDisplay();
        if (v == null) {
            IdentifierType t = IdentifierType.ofSystem(id.getSystem(), organisation).orElse(null);
            if (t != null) {
                v = t.code();
                dn = t.displayName();
            }
        }
        if (v == null && dn == null) {
            out.start(element).end();
        } else {
            out.attributesOnly(ns, element, "V", v, "DN", dn);
        }
    }

    static String nameText(List<HumanName> names) {
        if (names.isEmpty()) return null;
        HumanName n = names.get(0);
        if (n.hasText()) return n.getText();
        String given = n.hasGiven() ? n.getGivenAsSingleString() : null;
        if (n.hasFamily() && given != null) return n.getFamily() + ", " + given;
        return n.hasFamily() ? n.getFamily() : given;
    }

    /** Writes a poKomponent Address (the first address, all street lines in StreetAdr) with TeleAddress for each telecom. */
    void writeAddress(XmlOut out, List<Address> addresses, List<ContactPoint> telecoms) {
        HcpParties.writeAddress(out, ns, addresses, telecoms, HcpParties.workAddressType(), true);
    }

    /** Writes the Patient fields up to (not including) PatRelHCP, then lets the caller add PatRelHCPs, then the rest. */
    public void writePatientHead(XmlOut out, Patient p) {
        if (p.hasGender()) {
            Coding sex = (Coding) Extensions.value(p.getGenderElement(), Extensions.KITH_CODE);
            if (sex == null) sex = Sex.fromGender(p.getGender()).map(KithCodes::coding).orElse(null);
            KithCodes.writeCs(out, ns, "Sex", sex);
        }
        if (p.hasBirthDate()) out.attributesOnly(ns, "DateOfBirth", "V", p.getBirthDateElement().getValueAsString());
        if (p.hasDeceasedDateTimeType()) {
            out.attributesOnly(ns, "DateOfDeath", "V", KithDates.toKith(p.getDeceasedDateTimeType()));
        }
        out.leaf("Name", nameText(p.getName()));
        List<Identifier> rest = new ArrayList<>();
        String bySp = null;
        String byReq = null;
        for (Identifier id : p.getIdentifier()) {
            if (EpikriseExtensions.ID_BY_SERV_PROVIDER.equals(id.getSystem()) && bySp == null) bySp = id.getValue();
            else if (EpikriseExtensions.ID_BY_REQUESTER.equals(id.getSystem()) && byReq == null) byReq = id.getValue();
            else rest.add(id);
        }
        out.leaf("IdByServProvider", bySp);
        out.leaf("IdByRequester", byReq);
        if (!rest.isEmpty()) {
            out.leaf("OffId", rest.get(0).getValue());
            writeIdType(out, "TypeOffId", rest.get(0), false);
        } else {
            KithCodes.writeCs(out, ns, "TypeOffId", (Coding) Extensions.value(p, Extensions.KITH_CODE));
        }
    }

    /** The patient's identifiers other than the two local ids, in order (OffId first, then AdditionalId). */
    private static List<Identifier> officialIds(Patient p) {
        List<Identifier> rest = new ArrayList<>();
        boolean bySp = false;
        boolean byReq = false;
        for (Identifier id : p.getIdentifier()) {
            if (EpikriseExtensions.ID_BY_SERV_PROVIDER.equals(id.getSystem()) && !bySp) bySp = true;
            else if (EpikriseExtensions.ID_BY_REQUESTER.equals(id.getSystem()) && !byReq) byReq = true;
            else rest.add(id);
        }
        return rest;
    }

    /** Writes what follows PatRelHCP in Patient: AdditionalId* and Address. Call after {@link #writePatientHead}. */
    public void writePatientTail(XmlOut out, Patient p) {
        writeAdditionalIds(out, officialIds(p));
        writeAddress(out, p.getAddress(), p.getTelecom());
    }

    static DateTimeType dateTimeOrNull(XmlElement e) {
        return e == null ? null : KithDates.dateTime(e.attr("V"), e);
    }
}
