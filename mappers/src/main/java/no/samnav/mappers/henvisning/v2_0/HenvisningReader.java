package no.samnav.mappers.henvisning.v2_0;

import java.util.List;
import no.samnav.mappers.KithStandard;
import no.samnav.mappers.core.ReadContext;
import no.samnav.mappers.fhir.Extensions;
import no.samnav.mappers.fhir.KithCodes;
import no.samnav.mappers.henvisning.HenvisningExtensions;
import no.samnav.mappers.henvisning.HenvisningReading;
import no.samnav.mappers.xml.XmlElement;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * Henvisning 2.0 (HIS 80517 2.0, HIS 1207), namespace {@code http://ehelse.no/xmlstds/henvisning/2017-11-30}:
 * XML to FHIR. The document travels inside a MsgHead, which gives the patient, the referring party
 * (sender) and the receiver; the ServiceRequest refers to those. The poKomponent structures without a
 * dedicated mapping are carried verbatim (see {@link HenvisningExtensions#CARRIED_XML}).
 */
public final class HenvisningReader extends HenvisningReading {

    /** The poKomponent elements of Henvisning 2.0 carried verbatim, in schema order before TypeInnholdIMelding. */
    static final List<String> PO_BEFORE_TYPE_INNHOLD = List.of("TilleggsopplysningPasient", "ParorendeForesatt",
            "TilknyttetEnhet", "KontaktpersonHelsepersonell", "AnsvarForRapport", "SendtDokument");
    /** ... and after it. */
    static final List<String> PO_AFTER_TYPE_INNHOLD = List.of("InfoAssistertKommunikasjon",
            "OpplysningerOmIndividuellPlan", "PasientrelatertKontaktperson", "Legemiddelgjennomgang");

    public HenvisningReader() {
        super(KithStandard.HENVISNING_2_0);
    }

    @Override
    public List<Reference> read(XmlElement h, ReadContext ctx) {
        ServiceRequest sr = newReferral();
        sr.setSubject(requirePatient(ctx, h));
        MessageHeader header = ctx.header();
        if (header.hasSender()) sr.setRequester(header.getSender().copy());
        if (header.hasDestination() && header.getDestinationFirstRep().hasReceiver()) {
            sr.addPerformer(header.getDestinationFirstRep().getReceiver().copy());
        }
        Extensions.add(sr, HenvisningExtensions.SERV_TYPE, KithCodes.cs(h.required("ServType"), SERV_TYPE_OID));
        issued(when(h.required("IssueDate")), sr);
        Extensions.add(sr, HenvisningExtensions.PAYMENT_CAT, KithCodes.cs(h.child("PaymentCat"), PAYMENT_CAT_OID));
        Extensions.addString(sr, HenvisningExtensions.REQ_COMMENT, h.textOf("ReqComment"));
        documentId(h.requiredText("DocumentId"), sr);
        Extensions.add(sr, HenvisningExtensions.BASIS_FOR_HEALTH_SERVICES,
                KithCodes.cs(h.child("BasisForHealthServices"), BASIS_OID));
        for (String name : PO_BEFORE_TYPE_INNHOLD) carryAll(sr, h, name);
        XmlElement typeInnhold = h.required("TypeInnholdIMelding");
        sr.setCode(KithCodes.cv(typeInnhold.required("TypeInnhold")));
        Extensions.addString(sr, HenvisningExtensions.TYPE_INNHOLD_MERKNAD, typeInnhold.textOf("Merknad"));
        for (String name : PO_AFTER_TYPE_INNHOLD) carryAll(sr, h, name);
        precautions(h, sr, ctx);
        infItems(h, sr, ctx);
        reasons(h, sr);
        diagnoses(h, sr, ctx);
        reqServ(h.required("ReqServ"), sr);
        comments(h, sr);
        vurdering(h.child("VurderingAvHenvisning"), sr);
        for (XmlElement p : h.children("Pakkeforlop")) {
            Extension ext = sr.addExtension().setUrl(HenvisningExtensions.PAKKEFORLOP);
            Extensions.addSub(ext, "kode", KithCodes.cv(p.required("Pakkeforlopskode")));
            Extensions.addSubString(ext, "merknad", p.textOf("Merknad"));
        }
        consents(h.children("Consent"), sr);
        return List.of(ctx.add(sr));
    }

    /** VurderingAvHenvisning: the receiving trust's assessment (dates, right to health care, outcome). */
    private static void vurdering(XmlElement v, ServiceRequest sr) {
        if (v == null) return;
        Extension ext = sr.addExtension().setUrl(HenvisningExtensions.VURDERING);
        for (XmlElement d : v.children("DatoMottakOgVurdering")) {
            Extension dato = new Extension("datoMottakOgVurdering");
            Extensions.addSub(dato, "typeDato", KithCodes.cv(d.required("TypeDato")));
            Extensions.addSub(dato, "dato", date(d.required("Dato")));
            ext.addExtension(dato);
        }
        XmlElement o = v.child("Opplysninger");
        if (o != null) {
            Extensions.addSub(ext, "frittSykehusvalg", bool(o.child("FrittSykehusvalg")));
            Extensions.addSub(ext, "ventetidSluttkode", KithCodes.cv(o.child("VentetidSluttkode")));
            Extensions.addSubString(ext, "forlopsId", o.requiredText("ForlopsId"));
            Extensions.addSub(ext, "rettTilHelsehjelp", bool(o.required("RettTilHelsehjelp")));
            Extensions.addSub(ext, "utfallAvVurdering", KithCodes.cv(o.required("UtfallAvVurdering")));
        }
    }
}
