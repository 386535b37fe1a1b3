package no.samnav.mappers.henvisning.v2_0;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import no.samnav.mappers.KithStandard;
import no.samnav.mappers.core.WriteContext;
import no.samnav.mappers.fhir.Extensions;
import no.samnav.mappers.fhir.KithCodes;
import no.samnav.mappers.fhir.KithDates;
import no.samnav.mappers.fhir.Systems;
import no.samnav.mappers.henvisning.HenvisningExtensions;
import no.samnav.mappers.henvisning.HenvisningReading;
import no.samnav.mappers.henvisning.HenvisningWriting;
import no.samnav.mappers.xml.XmlOut;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * Henvisning 2.0 (HIS 80517 2.0, HIS 1207), namespace {@code http://ehelse.no/xmlstds/henvisning/2017-11-30}:
 * FHIR to XML. Patient and parties are written by the MsgHead around the document; attachments are
 * MsgHead Documents of their own. What only 1.1 has (Ack, PatRelHCP, Requester/ServProvider Role,
 * ReqServ/Purpose and Service, 1.1 poKomponent structures) is reported lost.
 */
public final class HenvisningWriter extends HenvisningWriting {

    public static final String PO_NS = "http://ehelse.no/xmlstds/po/poKomponent/2017-11-30";
    public static final String FK1_NS = "http://www.kith.no/xmlstds/felleskomponent1";

    public HenvisningWriter() {
        super(KithStandard.HENVISNING_2_0);
    }

    @Override
    protected Set<String> carriedNamespaces() {
        return Set.of(ns, PO_NS);
    }

    @Override
    protected String otherNamespace() {
        return KithStandard.HENVISNING_1_1.namespace();
    }

    @Override
    protected String otherPoNamespace() {
        return "http://www.kith.no/xmlstds/po/poKomponent/2009-06-30";
    }

    @Override
    protected String poNamespace() {
        return PO_NS;
    }

    /** 2.0 is sent as HENVISNING_NYTILSTAND unless the message already has a 2.0 referral type. */
    @Override
    public Coding messageType(List<Resource> focus, Coding original, WriteContext ctx) {
        if (original != null && original.hasCode() && original.getCode().startsWith("HENVISNING_")) return original;
        return new Coding(Systems.MESSAGE_TYPE, "HENVISNING_NYTILSTAND", "Henvisning ny tilstand");
    }

    @Override
    public void write(List<Resource> focus, WriteContext ctx, XmlOut out) {
        out.start(ns, "Henvisning");
        out.declare("po", PO_NS);
        out.declare("fk1", FK1_NS);
        ServiceRequest sr = referral(focus, ctx, out);
        Carried carried = new Carried(ctx);
        KithCodes.writeCs(out, ns, "ServType", codingOr(sr, HenvisningExtensions.SERV_TYPE, new Coding(null, "N", "Ny")));
        out.leaf("IssueDate", KithDates.toKithDateTime(issueDate(sr, ctx)));
        KithCodes.writeCs(out, ns, "PaymentCat", (Coding) Extensions.value(sr, HenvisningExtensions.PAYMENT_CAT));
        out.leaf("ReqComment", Extensions.string(sr, HenvisningExtensions.REQ_COMMENT));
        out.leaf("DocumentId", documentId(sr));
        KithCodes.writeCs(out, ns, "BasisForHealthServices",
                (Coding) Extensions.value(sr, HenvisningExtensions.BASIS_FOR_HEALTH_SERVICES));
        for (String name : HenvisningReader.PO_BEFORE_TYPE_INNHOLD) carried.write(out, sr, "Henvisning", name);
        out.start(PO_NS, "TypeInnholdIMelding");
        CodeableConcept type = sr.hasCode() ? sr.getCode() : new CodeableConcept(
                new Coding(Systems.ofOid(HenvisningReading.REFERRAL_TYPE_OID), "10", "Utredning/behandling"));
        if (!type.getCodingFirstRep().hasSystem() && type.getCodingFirstRep().hasCode()) {
            type = type.copy();
            type.getCodingFirstRep().setSystem(Systems.ofOid(HenvisningReading.REFERRAL_TYPE_OID));
        }
        KithCodes.writeCv(out, PO_NS, "TypeInnhold", type);
        out.leaf(PO_NS, "Merknad", Extensions.string(sr, HenvisningExtensions.TYPE_INNHOLD_MERKNAD));
        out.end();
        for (String name : HenvisningReader.PO_AFTER_TYPE_INNHOLD) carried.write(out, sr, "Henvisning", name);
        precautions(out, sr, ctx);
        infItems(out, sr, ctx, carried);
        reasons(out, sr, ctx);
        diagnoses(out, sr, ctx);
        reqServ(out, sr, ctx, carried);
        comments(out, sr, ctx);
        vurdering(out, sr);
        for (Extension p : sr.getExtensionsByUrl(HenvisningExtensions.PAKKEFORLOP)) {
            out.start("Pakkeforlop");
            KithCodes.writeCv(out, ns, "Pakkeforlopskode", (CodeableConcept) Extensions.sub(p, "kode"));
            out.leaf("Merknad", Extensions.subString(p, "merknad"));
            out.end();
        }
        consents(out, sr, ctx, Integer.MAX_VALUE);
        reportOneOne(out, sr, ctx);
        reportUnwritable(out, sr, ctx);
        List<DomainResource> all = new ArrayList<>();
        all.add(sr);
        for (Resource r : supporting(sr, ctx)) if (r instanceof DomainResource d) all.add(d);
        carried.reportRest(all);
        out.end();
    }

    private void vurdering(XmlOut out, ServiceRequest sr) {
        Extension v = sr.getExtensionByUrl(HenvisningExtensions.VURDERING);
        if (v == null) return;
        List<Extension> datoer = v.getExtensionsByUrl("datoMottakOgVurdering");
        out.start("VurderingAvHenvisning");
        for (Extension d : datoer) {
            out.start("DatoMottakOgVurdering");
            KithCodes.writeCv(out, ns, "TypeDato", (CodeableConcept) Extensions.sub(d, "typeDato"));
            out.leaf("Dato", KithDates.toKithDate((BaseDateTimeType) Extensions.sub(d, "dato")));
            out.end();
        }
        String forlopsId = Extensions.subString(v, "forlopsId");
        if (forlopsId != null) {
            out.start("Opplysninger");
            out.leaf("FrittSykehusvalg", Extensions.subString(v, "frittSykehusvalg"));
            KithCodes.writeCv(out, ns, "VentetidSluttkode", (CodeableConcept) Extensions.sub(v, "ventetidSluttkode"));
            out.leaf("ForlopsId", forlopsId);
            out.leaf("RettTilHelsehjelp", Extensions.subString(v, "rettTilHelsehjelp"));
            KithCodes.writeCv(out, ns, "UtfallAvVurdering", (CodeableConcept) Extensions.sub(v, "utfallAvVurdering"));
            out.end();
        }
        out.end();
    }

    /**
     * A 1.1 HCP person's name is one string; the MsgHead around 2.0 writes it as GivenName and
     * FamilyName split at the last space, a guess, so the name as written in 1.1 is reported.
     */
    private static void personName(String hcpPath, Reference party, WriteContext ctx) {
        PractitionerRole role = ctx.resolve(party, PractitionerRole.class);
        if (role == null) return;
        Practitioner p = ctx.resolve(role.getPractitioner(), Practitioner.class);
        if (p == null || !p.hasName() || !p.getNameFirstRep().hasText()) return;
        String path = hcpPath + (role.hasOrganization() ? "/Inst/HCPerson/Name" : "/HCProf/Name");
        ctx.loss(path, p, "name[0].text", "the MsgHead HealthcareProfessional has FamilyName and GivenName; the one-string "
                + "1.1 name is written split at its last space, not as it was");
    }

    /**
     * The HCPersons of a 1.1 Inst that the MsgHead Sender/Receiver does not hold: it has one
     * HealthcareProfessional (the party itself, or the one person beside its Dept), so further
     * persons of the institution are reported.
     */
    private static void personsNotInTheMsgHead(String hcpPath, Reference party, Reference beside, WriteContext ctx) {
        org.hl7.fhir.r4.model.Resource primary = ctx.resolve(party);
        org.hl7.fhir.r4.model.Resource besideRole = ctx.resolve(beside);
        java.util.Set<org.hl7.fhir.r4.model.Resource> chain = new java.util.HashSet<>();
        org.hl7.fhir.r4.model.Organization org = primary instanceof PractitionerRole r
                ? ctx.resolve(r.getOrganization(), org.hl7.fhir.r4.model.Organization.class)
                : primary instanceof org.hl7.fhir.r4.model.Organization o ? o : null;
        while (org != null) {
            chain.add(org);
            org = org.hasPartOf() ? ctx.resolve(org.getPartOf(), org.hl7.fhir.r4.model.Organization.class) : null;
        }
        for (var entry : ctx.bundle().getEntry()) {
            if (!(entry.getResource() instanceof PractitionerRole role) || role == primary || role == besideRole
                    || !role.hasOrganization()) continue;
            if (chain.contains(ctx.resolve(role.getOrganization(), org.hl7.fhir.r4.model.Organization.class))) {
                ctx.loss(hcpPath + "/Inst/HCPerson", role, "", "the MsgHead party holds one HealthcareProfessional;"
                        + " this further person of the institution has no place");
            }
        }
    }

    /** Henvisning 1.1 content that 2.0 does not have. */
    private void reportOneOne(XmlOut out, ServiceRequest sr, WriteContext ctx) {
        if (sr.hasExtension(HenvisningExtensions.ACK)) {
            ctx.loss(lossPath(out, "Ack", sr, ctx, null, "Ack"), sr, "extension('" + HenvisningExtensions.ACK + "')",
                    "Henvisning 2.0 has no ServReq/Ack; the MsgHead Ack asks for an AppRec");
        }
        List<Extension> rel = sr.getExtensionsByUrl(HenvisningExtensions.PAT_REL_HCP);
        for (int i = 0; i < rel.size(); i++) {
            // reported with the 1.1 source path: the relation (HHE, FLE) and its HCP have no 2.0 element;
            // KontaktpersonHelsepersonell/TilknyttetEnhet have no coded relation and only one party kind each
            ctx.loss("/Message/ServReq/Patient/PatRelHCP", sr, "extension('" + HenvisningExtensions.PAT_REL_HCP + "')[" + i + "]",
                    "Henvisning 2.0 has no PatRelHCP (patient-related health-service unit)");
        }
        if (readFrom(KithStandard.HENVISNING_1_1, sr, ctx)) {
            Patient patient = ctx.resolve(sr.getSubject(), Patient.class);
            if (patient != null) {
                for (int i = 0; i < patient.getIdentifier().size(); i++) {
                    if (no.samnav.mappers.henvisning.v1_1.HenvisningReader.ID_BY_REQUESTER.equals(patient.getIdentifier().get(i).getSystem())) {
                        ctx.loss("/Message/ServReq/Patient/IdByRequester", patient, "identifier[" + i + "]",
                                "the patient's id in the referring system has no KITH identifier type for the MsgHead Patient Ident");
                    }
                }
            }
            Reference senderBeside = (Reference) Extensions.value(ctx.header().getSource(), Extensions.ADDITIONAL_PARTY);
            personName("/Message/ServReq/Requester/HCP", ctx.header().getSender(), ctx);
            personName("/Message/ServReq/Requester/HCP", senderBeside, ctx);
            personsNotInTheMsgHead("/Message/ServReq/Requester/HCP", ctx.header().getSender(), senderBeside, ctx);
            if (ctx.header().hasDestination()) {
                var d = ctx.header().getDestinationFirstRep();
                Reference receiverBeside = (Reference) Extensions.value(d, Extensions.ADDITIONAL_PARTY);
                personName("/Message/ServReq/ServProvider/HCP", d.getReceiver(), ctx);
                personName("/Message/ServReq/ServProvider/HCP", receiverBeside, ctx);
                personsNotInTheMsgHead("/Message/ServReq/ServProvider/HCP", d.getReceiver(), receiverBeside, ctx);
            }
        }
        List<Extension> roles = sr.getExtensionsByUrl(HenvisningExtensions.PARTY_ROLE);
        for (int i = 0; i < roles.size(); i++) {
            if (Extensions.sub(roles.get(i), "role") != null) {
                String party = "servProvider".equals(Extensions.subString(roles.get(i), "party")) ? "ServProvider" : "Requester";
                ctx.loss(lossPath(out, "Role", sr, ctx, null, party + "/Role"), sr, "extension('" + HenvisningExtensions.PARTY_ROLE + "')[" + i + "]",
                        "Henvisning 2.0 has no Requester/ServProvider Role");
            }
        }
        if (ctx.header().hasExtension(HenvisningExtensions.MESSAGE_STATUS)) {
            ctx.loss("/Message/Status", "MessageHeader.extension('" + HenvisningExtensions.MESSAGE_STATUS + "')",
                    "Henvisning 1.1 Message/Status has no place in Henvisning 2.0 or its MsgHead");
        }
        if (ctx.header().hasExtension(HenvisningExtensions.MSG_VERSION)) {
            ctx.loss("/Message/MsgVersion", "MessageHeader.extension('" + HenvisningExtensions.MSG_VERSION + "')",
                    "Henvisning 1.1 Message/MsgVersion has no place in Henvisning 2.0 or its MsgHead");
        }
    }
}
