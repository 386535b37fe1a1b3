package no.samnav.conformance.generator;

import java.util.SplittableRandom;
import no.samnav.mappers.KithStandard;

/**
 * Bare Henvisning 1.1 (HIS 80517 1.1) messages: the Message envelope, the patient with clinical
 * content (InfItem medication list, precautions, PatRelHCP, ParorendeForesatt, consent), requester
 * as institution with a person or as a single professional, receiver with or without department,
 * RefDoc attachments, reasons, diagnoses, priority and comments, each present or absent.
 */
public final class HenvisningV1_1Generator implements MessageGenerator {

    static final String NS = "http://www.kith.no/xmlstds/henvisning/2012-02-15";
    static final String PO = "http://www.kith.no/xmlstds/po/poKomponent/2009-06-30";

    @Override
    public KithStandard standard() {
        return KithStandard.HENVISNING_1_1;
    }

    @Override
    public byte[] generate(SplittableRandom random) {
        Fake f = new Fake(random);
        HenvisningContent c = new HenvisningContent(f, false);
        Xml x = new Xml();
        x.root(NS, "Message").prefix("po", PO).prefix("fk1", Fake.FK1);
        x.code("Type", "HENVISNING", "Henvisning", null);
        if (f.chance(0.2)) x.leaf("MsgVersion", "v1.1");
        x.leaf("MIGversion", "v1.1 2012-02-15");
        x.value("GenDate", Fake.dateTime(f.recent()));
        x.leaf("MsgId", f.uuid());
        if (f.chance(0.3)) x.code("Status", "TEST", "Melding til testformål", null);
        x.start("ServReq");
        x.code("ServType", "N", "Ny", null);
        x.value("IssueDate", Fake.dateTime(f.recent()));
        if (f.chance(0.2)) x.code("PaymentCat", "1", "Folketrygd", null);
        if (f.chance(0.2)) x.leaf("ReqComment", f.text(2));
        if (f.chance(0.2)) x.code("Ack", "J", "Ja", null);
        x.code("MsgDescr", "10", "Utredning/behandling", null);
        x.leaf("Id", f.uuid());
        patient(x, f, c);
        x.start("ServProvider");
        if (f.chance(0.2)) x.code("ComMethod", "EDI", "EDI", null);
        x.start("HCP");
        x.start("Inst");
        x.leaf("Name", f.office());
        her(x, f.herId());
        if (f.chance(0.6)) {
            x.start("Dept").leaf("Name", "Avdeling " + f.place());
            her(x, f.herId());
            x.end();
        }
        x.end();
        x.end();
        x.end();
        x.start("Requester");
        if (f.chance(0.2)) x.code("ComMethod", "EDI", "EDI", null);
        x.start("HCP");
        Fake.Person gp = f.person();
        if (f.chance(0.8)) {
            x.start("Inst");
            x.leaf("Name", f.office());
            her(x, f.herId());
            if (f.chance(0.8)) {
                x.start("HCPerson").leaf("Name", gp.given() + " " + gp.family());
                her(x, f.herId());
                x.end();
            }
            x.end();
        } else {
            hcProf(x, f, gp);
        }
        if (f.chance(0.4)) {
            x.start("Address");
            x.code("Type", "WP", "Arbeidsadresse", null);
            if (f.chance(0.5)) x.leaf("StreetAdr", "Storgata " + f.between(1, 99));
            x.value("TeleAddress", "tel:+47" + f.between(10000000, 99999999));
            x.end();
        }
        x.end();
        x.end();
        for (int i = f.chance(0.3) ? f.between(1, 2) : 0; i > 0; i--) {
            x.start("RefDoc");
            x.value("IssueDate", Fake.dateTime(f.recent()));
            x.code("MsgType", "A", "Vedlegg", null);
            x.leaf("MimeType", "application/pdf");
            if (f.chance(0.7)) x.leaf("Description", "Vedlegg " + i + ": Røntgenbeskrivelse");
            x.start("Content");
            x.start(Fake.BASE64, "Base64Container").attr("xmlns", Fake.BASE64);
            x.text(f.attachmentBase64());
            x.end();
            x.end();
            x.end();
        }
        c.reasons(x);
        c.diagnoses(x);
        c.reqServ(x);
        c.comments(x);
        x.end(); // ServReq
        x.end(); // Message
        return x.bytes();
    }

    private static void patient(Xml x, Fake f, HenvisningContent c) {
        Fake.Person p = f.person();
        x.start("Patient");
        if (f.chance(0.2)) x.code("BasisForHealthServices", "1", "Bosatt i Norge", null);
        x.code("Sex", p.sex(), p.sex().equals("2") ? "Kvinne" : "Mann", null);
        if (f.chance(0.8)) x.value("DateOfBirth", p.born().toString());
        x.leaf("Name", p.family() + ", " + p.given());
        if (f.chance(0.2)) x.leaf("IdByRequester", String.valueOf(f.between(1000, 99999)));
        x.leaf("OffId", p.fnr());
        x.code("TypeOffId", "FNR", "Fødselsnummer", null);
        c.precautions(x);
        c.infItems(x);
        if (f.chance(0.4)) {
            x.start("PatRelHCP");
            x.code("Relation", "FLE", "Fastlege", null);
            x.start("HCP");
            hcProf(x, f, f.person());
            x.end();
            x.end();
        }
        if (f.chance(0.3)) {
            x.start(PO, "ParorendeForesatt");
            x.start(PO, "Slektskap").attr("V", "SD").attr("DN", "Stedatter").end();
            c.fk1Person(x, "Referanseperson", PO, f.person());
            x.end();
        }
        if (f.chance(0.2)) c.consent(x);
        if (f.chance(0.6)) {
            x.start("Address");
            x.code("Type", "H", "Bostedsadresse", null);
            x.leaf("StreetAdr", "Storgata " + f.between(1, 120));
            x.leaf("PostalCode", "9050");
            x.leaf("City", f.place());
            if (f.chance(0.5)) x.value("TeleAddress", "tel:+47" + f.between(10000000, 99999999));
            x.end();
        }
        x.end();
    }

    private static void hcProf(Xml x, Fake f, Fake.Person p) {
        x.start("HCProf");
        if (f.chance(0.7)) x.code("Type", "LE", "Lege", null);
        x.leaf("Name", p.given() + " " + p.family());
        x.leaf("Id", f.hpr());
        x.code("TypeId", "HPR", "HPR-nummer", null);
        x.end();
    }

    private static void her(Xml x, String her) {
        x.leaf("Id", her);
        x.code("TypeId", "HER", "HER-id", null);
    }
}
