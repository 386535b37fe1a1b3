package no.samnav.conformance.generator;

import java.util.SplittableRandom;
import no.samnav.mappers.KithStandard;

/**
 * Henvisning 2.0 (HIS 80517 2.0, HIS 1207) inside a MsgHead: the referral with poKomponent parts,
 * medication list, reasons, diagnoses, priority, assessment (VurderingAvHenvisning), Pakkeforlop
 * and consents, each present or absent; sometimes a PDF attachment Document.
 */
public final class HenvisningV2_0Generator implements MessageGenerator {

    static final String NS = "http://ehelse.no/xmlstds/henvisning/2017-11-30";
    static final String PO = "http://ehelse.no/xmlstds/po/poKomponent/2017-11-30";

    @Override
    public KithStandard standard() {
        return KithStandard.HENVISNING_2_0;
    }

    @Override
    public byte[] generate(SplittableRandom random) {
        Fake f = new Fake(random);
        Fake.Parties p = f.parties();
        HenvisningContent c = new HenvisningContent(f, true);
        return f.msgHead("HENVISNING_NYTILSTAND", "Henvisning ny tilstand", p, true, f.chance(0.3), x -> {
            x.ns(NS);
            x.start("Henvisning").attr("xmlns", NS).prefix("po", PO).prefix("fk1", Fake.FK1);
            x.code("ServType", "N", "Ny", null);
            x.leaf("IssueDate", Fake.dateTime(f.recent()));
            if (f.chance(0.2)) x.code("PaymentCat", "1", "Folketrygd", null);
            if (f.chance(0.2)) x.leaf("ReqComment", f.text(2));
            x.leaf("DocumentId", f.uuid());
            if (f.chance(0.2)) x.code("BasisForHealthServices", "1", "Bosatt i Norge", null);
            if (f.chance(0.3)) {
                x.start(PO, "TilleggsopplysningPasient");
                x.start(PO, "SivilStatus").attr("V", "1").attr("DN", "Ugift").end();
                if (f.chance(0.5)) x.start(PO, "BorAlene").text("true").end();
                x.end();
            }
            for (int i = f.chance(0.4) ? f.between(1, 2) : 0; i > 0; i--) {
                x.start(PO, "ParorendeForesatt");
                x.start(PO, "Slektskap").attr("V", "MO").attr("DN", "Mor").end();
                if (f.chance(0.5)) x.start(PO, "NarmesteParorende").text("true").end();
                c.fk1Person(x, "Referanseperson", PO, f.person());
                x.end();
            }
            x.start(PO, "TypeInnholdIMelding");
            x.start(PO, "TypeInnhold").attr("V", "10").attr("S", "2.16.578.1.12.4.1.1.8455")
                    .attr("DN", "Utredning/behandling").end();
            if (f.chance(0.2)) x.start(PO, "Merknad").text(f.text(1)).end();
            x.end();
            if (f.chance(0.2)) {
                x.start(PO, "InfoAssistertKommunikasjon");
                x.start(PO, "AssistertKommunikasjon");
                x.start(PO, "BehovTolkSprak").attr("V", "SE").attr("DN", "NORDSAMISK").end();
                x.start(PO, "Merknad").text(f.text(1)).end();
                x.end();
                x.end();
            }
            c.precautions(x);
            c.infItems(x);
            c.reasons(x);
            c.diagnoses(x);
            c.reqServ(x);
            c.comments(x);
            if (f.chance(0.25)) {
                x.start("VurderingAvHenvisning");
                for (int i = f.between(1, 2); i > 0; i--) {
                    x.start("DatoMottakOgVurdering");
                    x.code("TypeDato", i == 1 ? "1" : "2", i == 1 ? "Mottatt dato" : "Vurdert dato", "2.16.578.1.12.4.1.1.8460");
                    c.date(x, "Dato");
                    x.end();
                }
                if (f.chance(0.7)) {
                    x.start("Opplysninger");
                    if (f.chance(0.5)) x.leaf("FrittSykehusvalg", f.chance(0.5) ? "true" : "false");
                    if (f.chance(0.3)) x.code("VentetidSluttkode", "1", "Behandling startet", "2.16.578.1.12.4.1.1.8445");
                    x.leaf("ForlopsId", f.uuid());
                    x.leaf("RettTilHelsehjelp", f.chance(0.7) ? "true" : "false");
                    x.code("UtfallAvVurdering", "1", "Rett til nødvendig helsehjelp", "2.16.578.1.12.4.1.1.8456");
                    x.end();
                }
                x.end();
            }
            if (f.chance(0.1)) {
                x.start("Pakkeforlop");
                x.code("Pakkeforlopskode", "PL001", "Pakkeforløp start", "2.16.578.1.12.4.1.1.8450");
                if (f.chance(0.5)) x.leaf("Merknad", f.text(1));
                x.end();
            }
            for (int i = f.chance(0.3) ? f.between(1, 2) : 0; i > 0; i--) c.consent(x);
            x.end();
        });
    }
}
