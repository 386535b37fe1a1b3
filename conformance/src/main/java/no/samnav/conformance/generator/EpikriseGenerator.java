package no.samnav.conformance.generator;

import java.time.LocalDateTime;
import java.util.List;
import java.util.SplittableRandom;
import no.samnav.mappers.KithStandard;

/**
 * Generates Epikrise (discharge summary) messages of version 1.1 or 1.2 from the XSD: bare or inside
 * a MsgHead, with or without the referral answered, one or two (sometimes nested) events with
 * diagnoses, CAVE, findings, the medication list (with change reasons), free texts under the usual
 * headings (plain, long or XHTML), copy recipients, contact doctor and the regular GP; rarely also
 * parts the mappers carry as unmapped (PlannedEvent, AssRequest, ResultItem, PatientPrecaution).
 * The 1.1 variant adds what 1.1 has and 1.2 removed (Event/Id, Inst/Type, PatRelHCP/Role,
 * HCP/PartyIdByRequester and PartyIdByServProv) and writes ServReq/MsgDescr as text.
 */
public abstract class EpikriseGenerator implements MessageGenerator {

    private static final String XHTML = "http://www.w3.org/1999/xhtml";
    private static final String DRUGS_OID = "2.16.578.1.12.4.1.1.7180";
    private static final List<String[]> DRUGS = List.of(
            new String[] {"C03CA01", "Furosemid"}, new String[] {"C07AB02", "Metoprolol"},
            new String[] {"A10BA02", "Metformin"}, new String[] {"N02BE01", "Paracetamol"},
            new String[] {"B01AC06", "Acetylsalisylsyre"}, new String[] {"J01CE02", "Fenoksymetylpenicillin"},
            new String[] {"C10AA01", "Simvastatin"});
    /** Volven 7307 status for medication, with the change reasons an epikrise reports. */
    private static final List<String[]> MEDICATION_STATUS = List.of(
            new String[] {"1", "Nytt legemiddel"}, new String[] {"3", "Endret dosering"},
            new String[] {"4", "Seponert"}, new String[] {"6", "Benyttes regelmessig"},
            new String[] {"7", "Benyttes ved behov"});
    private static final List<String[]> HEADINGS = List.of(
            new String[] {"AI", "Årsak til innleggelse"}, new String[] {"FO", "Forløp og behandling"},
            new String[] {"VU", "Vurdering"}, new String[] {"OP", "Planer for videre oppfølging"},
            new String[] {"HJ", "Funksjonsnivå/hjelpetiltak"}, new String[] {"SY", "Sykmelding"},
            new String[] {"IP", "Informasjon til pasient/pårørende"});
    private static final List<String> CHANGE_REASONS = List.of("Endret: dosen økt pga. væskeretensjon",
            "Seponert pga. bivirkninger (svimmelhet)", "Nytt: startet under oppholdet", "Byttet til generisk preparat");

    private final KithStandard standard;
    private final boolean v11;

    protected EpikriseGenerator(KithStandard standard) {
        this.standard = standard;
        this.v11 = standard == KithStandard.EPIKRISE_1_1;
    }

    @Override
    public KithStandard standard() {
        return standard;
    }

    @Override
    public byte[] generate(SplittableRandom random) {
        Fake f = new Fake(random);
        Fake.Parties parties = f.parties();
        if (f.chance(0.3)) {
            return f.msgHead("EPIKRISE", "Epikrise", parties, f.chance(0.5), f.chance(0.3), x -> {
                x.start(standard.namespace(), "Message").attr("xmlns", standard.namespace());
                x.ns(standard.namespace());
                message(x, f, parties);
                x.end();
            });
        }
        Xml x = new Xml();
        x.root(standard.namespace(), "Message");
        message(x, f, parties);
        x.end();
        return x.bytes();
    }

    private void message(Xml x, Fake f, Fake.Parties parties) {
        if (f.chance(0.9)) x.code("Type", "EPIKRISE", "Epikrise", null);
        if (f.chance(0.2)) x.leaf("MsgVersion", "v" + standard.version());
        x.leaf("MIGversion", v11 ? "v1.1 2006-09-23" : "v1.2 2012-02-15");
        LocalDateTime issued = outsideSummerTimeGap(f.recent());
        x.value("GenDate", dt(issued.plusMinutes(f.between(1, 90))));
        x.leaf("MsgId", f.uuid());
        if (!v11 && f.chance(0.6)) x.code("Status", f.chance(0.8) ? "PROD" : "TEST", "Status", null);
        x.start("ServRprt");
        x.code("ServType", f.chance(0.9) ? "N" : "M", f.chance(0.9) ? "Ny" : "Endring", null);
        x.value("IssueDate", dt(issued));
        if (f.chance(0.7)) x.value("ApprDate", dt(issued.plusMinutes(f.between(1, 60))));
        x.code("Status", f.chance(0.85) ? "F" : "A", f.chance(0.85) ? "Endelig rapport" : "Foreløpig rapport", null);
        if (f.chance(0.2)) x.code("Priority", "N", "Normal", null);
        if (f.chance(0.2)) x.code("Ack", "J", "Ja", null);
        x.leaf("MsgDescr", f.pick(List.of("Sykehusepikrise", "Epikrise fra legevakt", "Poliklinisk notat & epikrise")));
        if (f.chance(0.8)) x.leaf("ServProvId", f.uuid());
        int referrals = f.chance(0.6) ? f.between(1, 2) : 0;
        for (int i = 0; i < referrals; i++) servReq(x, f, issued);
        int events = f.chance(0.85) ? 1 : 2;
        for (int i = 0; i < events; i++) event(x, f, issued, 0, i + 1);
        patient(x, f, parties.patient());
        x.start("ServProvider");
        if (f.chance(0.7)) x.code("Role", "SPR", "Tjenesteyter", null);
        if (f.chance(0.5)) x.code("ComMethod", "EDI", "EDI", null);
        institution(x, f, parties.senderOrg(), parties.senderHer(), f.chance(0.8) ? "Medisinsk avdeling" : null,
                f.chance(0.3) ? parties.receiverGp() : null);
        x.end();
        int copies = f.chance(0.5) ? f.between(1, 2) : 0;
        for (int i = 0; i < copies; i++) {
            x.start("CopyDest");
            if (f.chance(0.6)) x.code("Role", "COP", "Kopimottaker", null);
            if (f.chance(0.5)) {
                x.start("CopyDestRole").code("MsgType", "EPIKRISE", "Epikrise", null);
                if (f.chance(0.5)) x.code("ReqComMethod", "EDI", "EDI", null);
                x.end();
            }
            institution(x, f, f.pick(List.of("Felles legevakt Balsfjord-Storfjord", "Hjemmesykepleien " + f.place())),
                    f.herId(), null, null);
            x.end();
        }
        x.start("Requester");
        if (f.chance(0.7)) x.code("Role", "REQ", "Rekvirent", null);
        if (f.chance(0.5)) x.code("ComMethod", "EDI", "EDI", null);
        if (f.chance(0.1)) {
            professional(x, f, f.person(), f.hpr(), "HPR");
        } else {
            institution(x, f, parties.receiverOrg(), parties.receiverHer(), null,
                    f.chance(0.5) ? (parties.receiverGp() != null ? parties.receiverGp() : f.person()) : null);
        }
        x.end();
        if (f.chance(0.6)) relServProvider(x, f);
        x.end(); // ServRprt
    }

    /**
     * Moves a local time out of the hour that does not exist when Norway springs forward (last Sunday
     * of March, 02:00-03:00): such a time cannot be kept as a FHIR dateTime with Oslo's offset.
     */
    private static String dt(LocalDateTime t) {
        return Fake.dateTime(outsideSummerTimeGap(t));
    }

    static LocalDateTime outsideSummerTimeGap(LocalDateTime t) {
        java.time.ZoneId oslo = java.time.ZoneId.of("Europe/Oslo");
        return t.atZone(oslo).toLocalDateTime().equals(t) ? t : t.plusHours(1);
    }

    private void servReq(Xml x, Fake f, LocalDateTime issued) {
        x.start("ServReq");
        x.code("ServType", "N", "Ny", null);
        x.value("IssueDate", dt(issued.minusDays(f.between(3, 60))));
        if (f.chance(0.3)) x.value("ReceiptDate", dt(issued.minusDays(f.between(1, 2))));
        if (f.chance(0.3)) x.leaf("ReqComment", f.text(1));
        if (v11) x.leaf("MsgDescr", f.pick(List.of("Utredning", "Behandling av brudd", "Vurdering av hjertesvikt")));
        else x.code("MsgDescr", "10", "Utredning/behandling", null);
        x.leaf("Id", f.uuid());
        int reasons = f.chance(0.4) ? f.between(1, 2) : 0;
        for (int i = 0; i < reasons; i++) {
            x.start("ReasonAsText");
            if (f.chance(0.7)) x.code("Heading", "BEG", "Begrunnelse", null);
            freeText(x, f, "TextResultValue", false);
            if (f.chance(0.2)) x.code("TextCode", "T1", "Tekstkode", "2.16.578.1.12.4.1.1.8311");
            x.end();
        }
        int diagnoses = f.between(1, 2);
        for (int i = 0; i < diagnoses; i++) diagnosis(x, f, "Diagnosis");
        x.end();
    }

    private void diagnosis(Xml x, Fake f, String element) {
        x.start(element);
        boolean icpc = f.chance(0.5);
        String[] code = icpc ? f.icpc2() : f.icd10();
        x.code("Concept", code[0], code[1], icpc ? Fake.ICPC2 : Fake.ICD10);
        if (!icpc && f.chance(0.15)) {
            x.start("Modifier").code("Name", "S", "ICD10 stjernekode", null);
            x.code("Value", "B951", "Streptokokker gr. B", Fake.ICD10);
            x.end();
        }
        x.end();
    }

    private void event(Xml x, Fake f, LocalDateTime issued, int depth, int id) {
        x.start("Event");
        LocalDateTime start = issued.minusDays(f.between(1, 20));
        if (f.chance(0.04)) {
            x.start("PlannedEvent").leaf("PlanComment", f.text(1)).end();
        } else {
            x.start("ReportedEvent").value("StartDateTime", dt(start));
            if (f.chance(0.8)) x.value("EndDateTime", dt(issued.minusHours(f.between(1, 10))));
            x.end();
        }
        x.code("ServType", "N", "Ny", null);
        if (f.chance(0.1)) x.code("Recipient", "P", "Pasient", null);
        if (f.chance(0.1)) x.code("Priority", "1", "Akutt", null);
        if (f.chance(0.7)) x.code("AdmOutcome", "1", "Ut til hjemmet", null);
        if (f.chance(0.1)) x.start("ExpDuration").attr("V", String.valueOf(f.between(1, 14))).attr("U", "d").end();
        if (v11) x.leaf("Id", String.valueOf(depth * 10 + id));
        // 1.1's key EventP_ID demands an Id attribute on nested Events that its schema does not declare,
        // so only 1.2 can nest events
        if (!v11 && depth == 0 && f.chance(0.15)) event(x, f, issued, 1, 1);
        x.start("Service");
        if (f.chance(0.2)) x.code("ServId", "MED", "Medisinsk behandling", "2.16.578.1.12.4.1.1.7426");
        if (f.chance(0.3)) x.code("MedSpecialty", "1", "Indremedisin", "2.16.578.1.12.4.1.1.8451");
        if (f.chance(0.9)) x.code("AdmCat", f.chance(0.6) ? "1" : "3", f.chance(0.6) ? "Heldøgnsopphold" : "Poliklinisk kontakt", null);
        x.end();
        if (f.chance(0.2)) relServProvider(x, f);
        if (f.chance(0.05)) x.start("AssRequest").code("MsgType", "HENVISNING", "Henvisning", null).leaf("Id", f.uuid()).end();
        boolean deep = depth == 0;
        int diagnoses = deep ? f.between(1, 3) : f.between(0, 1);
        for (int i = 0; i < diagnoses; i++) {
            x.start("InfItem");
            x.start("Observation");
            if (f.chance(0.2)) freeText(x, f, "Description", false);
            if (f.chance(0.1)) x.leaf("Comment", f.text(1));
            diagnosis(x, f, "CodedDescr");
            x.end();
            x.code("Type", i == 0 ? "H" : "B", i == 0 ? "Hoveddiagnose" : "Bidiagnose", null);
            infItemTail(x, f, start);
            x.end();
        }
        if (deep && f.chance(0.5)) textItem(x, f, "CAVE", "Cave-opplysninger", start);
        if (deep && f.chance(0.3)) textItem(x, f, "ANAM", "Sykehistorie", start);
        if (deep && f.chance(0.3)) textItem(x, f, "FUNN", "Funn og undersøkelsesresultat", start);
        int medications = deep && f.chance(0.8) ? f.between(1, 5) : 0;
        for (int i = 0; i < medications; i++) medication(x, f, start);
        if (deep && f.chance(0.05)) {
            x.start("InfItem").start("ResultItem").start("TextResult").start("Result");
            x.leaf("TextResultValue", f.text(1));
            x.end().end();
            x.start("ClinInv").code("Id", "NPU02319", "Hemoglobin", "2.16.578.1.12.4.1.1.7280").end();
            x.end();
            x.code("Type", "RES", "Resultat", null);
            x.end();
        }
        int comments = deep ? f.between(1, 6) : f.between(0, 1);
        for (int i = 0; i < comments; i++) {
            String[] heading = HEADINGS.get(i % HEADINGS.size());
            x.start("Comment");
            if (f.chance(0.95)) x.code("Heading", heading[0], heading[1], null);
            freeText(x, f, "TextResultValue", true);
            if (f.chance(0.05)) x.code("TextCode", "T1", "Tekstkode", "2.16.578.1.12.4.1.1.8311");
            x.end();
        }
        if (f.chance(0.1)) diagnosis(x, f, "CodedComment");
        x.end();
    }

    private void textItem(Xml x, Fake f, String type, String dn, LocalDateTime start) {
        x.start("InfItem");
        x.start("Observation");
        freeText(x, f, "Description", false);
        x.end();
        x.code("Type", type, dn, null);
        infItemTail(x, f, start);
        x.end();
    }

    private void medication(Xml x, Fake f, LocalDateTime start) {
        x.start("InfItem");
        x.start("Medication");
        String[] drug = f.pick(DRUGS);
        x.code("DrugId", drug[0], drug[1], DRUGS_OID);
        if (f.chance(0.1)) x.code("DosageCoded", "195", "1+0+0", "2.16.578.1.12.4.1.1.7478");
        String[] status = f.pick(MEDICATION_STATUS);
        if (!status[0].equals("6") && f.chance(0.7)) x.leaf("Comment", f.pick(CHANGE_REASONS));
        x.code("Status", status[0], status[1], null);
        if (f.chance(0.2)) x.code("Form", "TAB", "Tablett", "2.16.578.1.12.4.1.1.7448");
        if (f.chance(0.3)) x.code("RouteOfAdm", "53", "Oral bruk", "2.16.578.1.12.4.1.1.7477");
        if (f.chance(0.1)) x.start("IntendedDuration").attr("V", "7").attr("U", "døgn").end();
        if (f.chance(0.05)) x.start("QuantitySupplied").attr("V", "30").attr("U", "stk").end();
        if (f.chance(0.6)) x.start("UnitDose").attr("V", f.pick(List.of("20", "40", "0.5", "500"))).attr("U", "mg").end();
        if (f.chance(0.9)) x.leaf("DosageText", f.pick(List.of("1 tablett morgen", "1 x 2", "ved behov, maks 4 g/døgn")));
        x.end();
        x.code("Type", "MEDB", "Legemiddelopplysning", null);
        infItemTail(x, f, start);
        x.end();
    }

    private void infItemTail(Xml x, Fake f, LocalDateTime start) {
        boolean yearOnly = f.chance(0.5);
        boolean started = f.chance(0.15);
        if (started) x.value("StartDateTime", yearOnly ? String.valueOf(start.getYear() - f.between(0, 10))
                : dt(start));
        // an end only after a full start time: a year and a date-time in that year have no order (FHIR per-1)
        if (started && !yearOnly && f.chance(0.3)) x.value("EndDateTime", dt(start.plusDays(1)));
        if (f.chance(0.05)) x.value("OrgDate", dt(start));
        if (f.chance(0.05)) {
            x.start("Origin").code("Role", "ORG", "Opprinnelse", null);
            institution(x, f, f.office(), f.herId(), null, null);
            x.end();
        }
        if (f.chance(0.05)) {
            x.start("RelHCProvider").code("Relation", "ANS", "Ansvarlig", null);
            professional(x, f, f.person(), f.hpr(), "HPR");
            x.end();
        }
    }

    private void freeText(Xml x, Fake f, String element, boolean allowLong) {
        x.start(element);
        double kind = f.random().nextDouble();
        if (kind < 0.35) {
            String saved = x.ns();
            x.start(XHTML, "div").attr("xmlns", XHTML);
            x.ns(XHTML);
            int paragraphs = f.between(1, 3);
            for (int i = 0; i < paragraphs; i++) {
                x.start("p");
                if (f.chance(0.3)) x.leaf("b", "Merk:");
                x.text(f.text(2));
                if (f.chance(0.2)) x.start("br").end();
                x.end();
            }
            x.end();
            x.ns(saved);
        } else if (allowLong && kind > 0.95) {
            x.text(f.longText());
        } else {
            x.text(f.text(4));
        }
        x.end();
    }

    private void patient(Xml x, Fake f, Fake.Person p) {
        x.start("Patient");
        if (f.chance(0.9)) x.code("Sex", p.sex(), p.sex().equals("2") ? "Kvinne" : "Mann", null);
        if (f.chance(0.8)) x.value("DateOfBirth", p.born().toString());
        if (f.chance(0.02)) x.value("DateOfDeath", dt(f.recent()));
        x.leaf("Name", p.family() + ", " + p.given());
        if (f.chance(0.3)) x.leaf("IdByServProvider", "PAS" + f.between(10000, 99999));
        if (f.chance(0.2)) x.leaf("IdByRequester", "J" + f.between(1000, 9999));
        x.leaf("OffId", p.fnr());
        x.code("TypeOffId", "FNR", "Fødselsnummer", null);
        if (f.chance(0.05)) x.start("PatientPrecaution").leaf("Precaution", "Smitteregime").end();
        int relations = f.between(0, 2);
        for (int i = 0; i < relations; i++) {
            x.start("PatRelHCP");
            boolean gp = i == 0;
            x.code("Relation", gp ? "FLE" : "HHE", gp ? "Fastlege" : "Henvisende helsepersonell", null);
            if (f.chance(0.1)) x.value("StartDateTime", "2020-01-01");
            if (v11 && f.chance(0.5)) x.code("Role", "PRH", "Pasientrelatert helsetjenesteenhet", null);
            professional(x, f, f.person(), f.hpr(), "HPR");
            x.end();
        }
        if (f.chance(0.1)) x.start("AdditionalId").leaf("Id", "H" + f.between(100000, 999999)).code("Type", "XXX", "Annet", null).end();
        if (f.chance(0.5)) {
            x.start("Address");
            x.code("Type", "H", "Bostedsadresse", null);
            x.leaf("StreetAdr", "Storgata " + f.between(1, 120));
            x.leaf("PostalCode", "9050");
            x.leaf("City", f.place());
            if (f.chance(0.3)) x.start("TeleAddress").attr("V", "tel:+479" + f.between(1000000, 9999999)).end();
            x.end();
        }
        x.end();
    }

    private void relServProvider(Xml x, Fake f) {
        x.start("RelServProvider");
        x.code("Relation", "AHP", "Ansvarlig helsepersonell", null);
        professional(x, f, f.person(), f.hpr(), "HPR");
        x.end();
    }

    /** An HCP with a lone professional (HCProf). */
    private void professional(Xml x, Fake f, Fake.Person p, String id, String idType) {
        x.start("HCP");
        x.start("HCProf");
        if (f.chance(0.3)) x.code("Type", "LE", "Lege", null);
        x.leaf("Name", p.given() + " " + p.family());
        x.leaf("Id", id);
        x.code("TypeId", idType, "HPR-nummer", null);
        x.end();
        hcpTail(x, f);
        x.end();
    }

    /** An HCP with an institution, an optional department and an optional person. */
    private void institution(Xml x, Fake f, String name, String her, String dept, Fake.Person person) {
        x.start("HCP");
        x.start("Inst");
        x.leaf("Name", name);
        if (v11 && f.chance(0.3)) x.code("Type", "SYK", "Sykehus", null);
        x.leaf("Id", her);
        x.code("TypeId", "HER", "HER-id", null);
        if (dept != null) {
            x.start("Dept").leaf("Name", dept).leaf("Id", f.herId()).code("TypeId", "HER", "HER-id", null).end();
        }
        if (person != null) {
            x.start("HCPerson").leaf("Name", person.given() + " " + person.family()).leaf("Id", f.herId())
                    .code("TypeId", "HER", "HER-id", null).end();
        }
        if (f.chance(0.2)) {
            x.start("AdditionalId").leaf("Id", "9" + f.between(10000000, 99999999))
                    .code("Type", "ENH", "Organisasjonsnummeret i Enhetsregisteret", null).end();
        }
        x.end();
        hcpTail(x, f);
        x.end();
    }

    private void hcpTail(Xml x, Fake f) {
        if (f.chance(0.05)) x.code("MedSpecialty", "1", "Indremedisin", "2.16.578.1.12.4.1.1.8451");
        if (v11 && f.chance(0.1)) x.leaf("PartyIdByRequester", "P" + f.between(100, 999));
        if (v11 && f.chance(0.05)) x.leaf("PartyIdByServProv", "S" + f.between(100, 999));
        if (f.chance(0.3)) {
            x.start("Address").code("Type", "WP", "Arbeidsadresse", null);
            if (f.chance(0.3)) x.leaf("City", f.place());
            x.start("TeleAddress").attr("V", "tel:+4777" + f.between(100000, 999999)).end();
            x.end();
        }
    }
}
