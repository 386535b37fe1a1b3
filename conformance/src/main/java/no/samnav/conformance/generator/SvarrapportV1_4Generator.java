package no.samnav.conformance.generator;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import no.samnav.mappers.KithStandard;

/**
 * Svarrapport 1.4 (lab result): medical biochemistry reports (several analyses with numeric values,
 * units, reference ranges, deviation flags, comparators) and microbiology culture reports
 * (isolates with amounts, susceptibility with S/I/R and MIC), bare or inside a MsgHead, with the
 * optional parts (requisition, approval date, comments, copy receivers, addresses, related
 * personnel, sample details) present or absent.
 */
public final class SvarrapportV1_4Generator implements MessageGenerator {

    static final String NS = "http://www.kith.no/xmlstds/labsvar/2012-02-15";
    private static final String NLK = "2.16.578.1.12.4.1.1.7280";
    private static final String SAMPLE_TYPES = "2.16.578.1.12.4.1.1.8351";
    private static final String LOCAL_CODES = "2.16.578.1.12.4.1.1.8212";
    private static final String SUSCEPTIBILITY = "2.16.578.1.12.4.1.1.8271";
    private static final java.time.ZoneId OSLO = java.time.ZoneId.of("Europe/Oslo");

    /** A biochemistry analysis: NLK code, name, unit, reference range, sample type, decimals. */
    private record Analysis(String code, String name, String unit, double low, double high, String sample, int decimals) {
    }

    private static final List<Analysis> ANALYSES = List.of(
            new Analysis("NOR05172", "B-Hemoglobin", "g/dL", 11.7, 15.3, "B", 1),
            new Analysis("NPU02593", "B-Leukocytter", "10E9/L", 3.5, 11.0, "B", 1),
            new Analysis("NPU03568", "B-Trombocytter", "10E9/L", 145, 390, "B", 0),
            new Analysis("NOR05865", "Us-TSH", "mIU/L", 0.3, 4.5, "S", 1),
            new Analysis("NOR05863", "Us-FT4", "pmol/L", 10, 22, "S", 0),
            new Analysis("NPU19767", "P-D-dimer", "mg/L", 0, 0.5, "P", 1),
            new Analysis("NPU01685", "P-INR", "1", 0.8, 1.2, "P", 1),
            new Analysis("NPU18016", "P-Kreatinin", "µmol/L", 45, 90, "P", 0),
            new Analysis("NPU03429", "P-Natrium", "mmol/L", 137, 145, "P", 0),
            new Analysis("NPU03230", "P-Kalium", "mmol/L", 3.6, 4.6, "P", 1),
            new Analysis("NPU19748", "P-CRP", "mg/L", 0, 5, "P", 0),
            new Analysis("NPU27300", "B-HbA1c", "mmol/mol", 20, 42, "B", 0),
            new Analysis("NPU01370", "P-ALAT", "U/L", 10, 45, "P", 0),
            new Analysis("NPU02319", "B-Hemoglobin (POCT)", "g/dL", 11.7, 15.3, "B", 1));

    private static final String[][] SAMPLE_NAMES = {{"B", "Blod"}, {"S", "Serum"}, {"P", "Plasma"}, {"U", "Urin"}};

    private static final List<String[]> CULTURES = List.of(
            new String[] {"NPU06061", "Us-Aerob dyrkning", "U", "Urin"},
            new String[] {"NPU55567", "Sår-Aerob dyrkning", "SÅR", "Sårsekret"},
            new String[] {"NPU58061", "Blod-Aerob dyrkning", "B", "Blod"});
    private static final List<String> ORGANISMS = List.of("Escherichia coli", "Klebsiella pneumoniae",
            "Staphylococcus aureus", "Enterococcus faecalis", "Proteus mirabilis", "Streptococcus agalactiae (GBS)");
    private static final List<String[]> ANTIBIOTICS = List.of(
            new String[] {"NPU54371", "Us-Ampicillin"}, new String[] {"NPU54389", "Us-Mecillinam"},
            new String[] {"NPU54403", "Us-Trimetoprim"}, new String[] {"NPU57715", "Us-Trimetoprim+Sulfametoksazol"},
            new String[] {"NPU54393", "Us-Nitrofurantoin"}, new String[] {"NPU54378", "Us-Ciprofloksacin"});
    private static final List<String[]> LABS = List.of(
            new String[] {"Universitetssykehuset Nord-Norge HF", "Laboratoriemedisin"},
            new String[] {"Nordlandssykehuset HF", "Medisinsk mikrobiologi"},
            new String[] {"Fürst Medisinsk Laboratorium", "Medisinsk biokjemi"});

    @Override
    public KithStandard standard() {
        return KithStandard.SVARRAPPORT_1_4;
    }

    @Override
    public byte[] generate(SplittableRandom random) {
        Fake f = new Fake(random);
        boolean micro = f.chance(0.35);
        Fake.Person patient = f.person();
        if (f.chance(0.35)) {
            Fake.Parties parties = f.parties();
            return f.msgHead("SVAR_LAB", "Svarrapport-Laboratoriemedisin", parties, f.chance(0.5), false,
                    x -> message(x, f, micro, patient));
        }
        Xml x = new Xml();
        message(x, f, micro, patient);
        return x.bytes();
    }

    private void message(Xml x, Fake f, boolean micro, Fake.Person patient) {
        x.root(NS, "Message");
        x.code("Type", "SVAR_LAB", "Svarrapport-Laboratoriemedisin", null);
        if (f.chance(0.2)) x.leaf("MsgVersion", "v1.4");
        x.leaf("MIGversion", "v1.4 2012-02-15");
        LocalDateTime reported = f.recent();
        x.value("GenDate", stamp(reported));
        x.leaf("MsgId", f.uuid());
        x.start("ServReport");
        x.code("ServType", "N", "Ny", null);
        x.value("IssueDate", stamp(reported.minusMinutes(f.between(0, 30))));
        if (f.chance(0.4)) x.value("ApprDate", stamp(reported.minusMinutes(f.between(0, 60))));
        x.code("Status", "F", "Endelig rapport", null);
        x.code("MsgDescr", micro ? "MBIO" : "CLIN", micro ? "Mikrobiologi" : "Medisinsk biokjemi", null);
        x.leaf("ServProvId", f.uuid());
        if (f.chance(0.4)) x.leaf("Comment", f.chance(0.1) ? f.longText() : f.text(3));
        if (f.chance(0.2)) x.code("CodedComment", "TA", "Telefonsvar avgitt", "2.16.578.1.12.4.1.1.8269");
        int requisitions = f.chance(0.15) ? 0 : f.chance(0.1) ? 2 : 1;
        LocalDateTime collected = reported.minusHours(f.between(2, 72));
        for (int i = 0; i < requisitions; i++) servReq(x, f, micro, collected);
        patient(x, f, patient, micro, collected);
        String[] lab = f.pick(LABS);
        x.start("ServProvider");
        if (f.chance(0.2)) x.code("ComMethod", "EDI", "EDI", null);
        x.start("HCP").start("Inst");
        x.leaf("Name", lab[0]);
        x.leaf("Id", f.herId());
        x.code("TypeId", "HER", "HER-id", null);
        if (f.chance(0.8)) {
            x.start("Dept").leaf("Name", lab[1]).leaf("Id", f.herId()).code("TypeId", "HER", "HER-id", null).end();
        }
        x.end().end().end();
        x.start("Requester");
        if (f.chance(0.4)) x.code("ComMethod", "EDI", "EDI", null);
        x.start("HCP");
        x.start("Inst");
        x.leaf("Name", f.office());
        x.leaf("Id", f.herId());
        x.code("TypeId", "HER", "HER-id", null);
        if (f.chance(0.8)) hcPerson(x, f);
        x.end();
        if (f.chance(0.2)) {
            x.start("Address").code("Type", "PST", "Postadresse", null).leaf("StreetAdr", "Postboks " + f.between(1, 300))
                    .leaf("PostalCode", "9050").leaf("City", f.place());
            x.value("TeleAddress", "tel:77" + f.between(100000, 999999)).end();
        }
        x.end().end();
        if (f.chance(0.05)) {
            x.start("PaymentResponsible").leaf("TypeGuarantor", "Folketrygden");
            x.start("HCP").start("Inst").leaf("Name", "Helfo").leaf("Id", f.herId()).code("TypeId", "HER", "HER-id", null)
                    .end().end().end();
        }
        if (f.chance(0.15)) {
            x.start("CopyDest");
            if (f.chance(0.5)) x.start("CopyDestRole").code("MsgType", "SVAR", "Svarrapport", null).end();
            x.start("HCP").start("Inst").leaf("Name", f.office()).leaf("Id", f.herId()).code("TypeId", "HER", "HER-id", null);
            hcPerson(x, f);
            x.end().end().end();
        }
        if (f.chance(0.5)) relServProv(x, f);
        x.end(); // ServReport
        x.end(); // Message
    }

    private void hcPerson(Xml x, Fake f) {
        Fake.Person gp = f.person();
        x.start("HCPerson").leaf("Name", gp.given() + " " + gp.family());
        if (f.chance(0.5)) {
            x.leaf("Id", f.herId()).code("TypeId", "HER", "HER-id", null);
        } else {
            x.leaf("Id", f.hpr()).code("TypeId", "HPR", "HPR-nummer", null);
        }
        x.end();
    }

    private void relServProv(Xml x, Fake f) {
        Fake.Person bio = f.person();
        x.start("RelServProv");
        x.code("Relation", "AHP", "Ansvarlig helsepersonell", null);
        x.start("HCP").start("HCProf");
        if (f.chance(0.8)) x.code("Type", f.chance(0.5) ? "BI" : "LE", null, null);
        x.leaf("Name", bio.given() + " " + bio.family());
        x.leaf("Id", f.hpr()).code("TypeId", "HPR", "HPR-nummer", null);
        x.end();
        if (f.chance(0.5)) {
            x.start("Address").code("Type", "WP", "Arbeidsadresse", null).value("TeleAddress", "tel:77" + f.between(100000, 999999)).end();
        }
        x.end().end();
    }

    private void servReq(Xml x, Fake f, boolean micro, LocalDateTime collected) {
        x.start("ServReq");
        if (f.chance(0.5)) x.code("ServType", "N", "Ny", null);
        if (f.chance(0.8)) {
            x.value("IssueDate", f.chance(0.3) ? collected.toLocalDate().toString() : stamp(collected.minusMinutes(5)));
        }
        if (f.chance(0.4)) x.code("PaymentCat", "1", "Ordinær pasient", null);
        if (f.chance(0.3)) x.leaf("ReqComment", f.text(2));
        if (f.chance(0.4)) x.code("MsgDescr", micro ? "MBIO" : "CLIN", micro ? "Mikrobiologi" : "Medisinsk biokjemi", null);
        x.leaf("Id", f.uuid());
        if (f.chance(0.2)) x.value("ReceiptDate", stamp(collected.plusHours(1)));
        if (f.chance(0.4)) x.leaf("IdByServProvider", f.uuid());
        if (f.chance(0.2)) {
            x.start("Comment").code("Heading", "KOM", "Kommentar", null).leaf("TextResultValue", f.text(2)).end();
        }
        x.end();
    }

    private void patient(Xml x, Fake f, Fake.Person p, boolean micro, LocalDateTime collected) {
        x.start("Patient");
        if (f.chance(0.6)) x.code("Sex", p.sex(), p.sex().equals("2") ? "Kvinne" : "Mann", null);
        if (f.chance(0.5)) x.value("DateOfBirth", p.born().toString());
        x.leaf("Name", p.family() + ", " + p.given());
        if (f.chance(0.6)) x.leaf("IdByServProvider", String.valueOf(f.between(10_000_000, 99_999_999)));
        x.leaf("OffId", p.fnr());
        x.code("TypeOffId", "FNR", "Fødselsnummer", null);
        if (f.chance(0.7)) {
            Fake.Person gp = f.person();
            x.start("ResponsibleHcp").code("Relation", "REK", "Rekvirent", null);
            x.start("HCP").start("Inst").leaf("Name", f.office());
            x.start("HCPerson").leaf("Name", gp.given() + " " + gp.family()).leaf("Id", f.hpr())
                    .code("TypeId", "HPR", "HPR-nummer", null).end();
            x.end().end().end();
        }
        if (f.chance(0.2)) {
            x.start("Address").code("Type", "H", "Bostedsadresse", null).leaf("StreetAdr", "Storgata " + f.between(1, 120))
                    .leaf("PostalCode", "9050").leaf("City", f.place()).end();
        }
        if (f.chance(0.1)) {
            x.start("InfItem").start("Observation").leaf("Description", f.text(2)).end();
            x.code("Type", "K", "Klinisk opplysning", null).end();
        }
        if (micro) micro(x, f, collected);
        else biochemistry(x, f, collected);
        x.end();
    }

    private void biochemistry(Xml x, Fake f, LocalDateTime collected) {
        List<Analysis> chosen = new ArrayList<>();
        int n = f.between(1, 8);
        while (chosen.size() < n) {
            Analysis a = f.pick(ANALYSES);
            if (!chosen.contains(a)) chosen.add(a);
        }
        List<String> samples = new ArrayList<>();
        for (Analysis a : chosen) if (!samples.contains(a.sample())) samples.add(a.sample());
        for (int i = 0; i < samples.size(); i++) {
            String code = samples.get(i);
            x.start("AnalysedSubject");
            if (f.chance(0.9)) {
                x.start("CollectedSample").value("CollectedDate", stamp(collected));
                if (f.chance(0.1)) x.leaf("CollectorComment", "Stase > 1 min");
                x.end();
            }
            x.code("TypeCoded", code, sampleName(code), SAMPLE_TYPES);
            if (f.chance(0.2)) x.leaf("Comment", "Lett hemolyse");
            if (f.chance(0.7)) x.leaf("Number", String.valueOf(f.between(1, 3)));
            x.leaf("IdByServProvider", String.valueOf(i + 1));
            if (f.chance(0.2)) x.value("Accredited", "true");
            x.end();
        }
        int id = 118_000_000 + f.between(0, 800_000);
        for (Analysis a : chosen) {
            x.start("ResultItem");
            double value = a.low() + (a.high() - a.low()) * (f.random().nextDouble() * 1.6 - 0.3);
            if (value < 0) value = 0;
            boolean comparator = a.low() == 0 && f.chance(0.3);
            x.start("NumResult");
            if (comparator) x.code("ArithmeticComp", "<", "Mindre enn", null);
            x.start("NumResultValue").attr("V", format(comparator ? a.high() / 5 : value, a.decimals())).attr("U", a.unit()).end();
            x.end();
            x.code("ServType", "N", "Ny", null);
            if (f.chance(0.9)) x.start("RefInterval").leaf("Descr", range(a)).end();
            x.start("Investigation").start("Id").attr("V", a.code()).attr("S", NLK).attr("DN", a.name()).end();
            if (f.chance(0.05)) x.leaf("Comment", "Analysert ved samarbeidende laboratorium");
            x.end();
            if (f.chance(0.2)) x.value("InvDate", stamp(collected.plusHours(3)));
            if (f.chance(0.15)) x.leaf("Comment", f.text(2));
            if (!comparator && value > a.high()) x.code("DevResultInd", "1", "Over øvre referansegrense", null);
            else if (!comparator && value < a.low()) x.code("DevResultInd", "2", "Under nedre referansegrense", null);
            x.leaf("IdResultItem", String.valueOf(id++));
            if (f.chance(0.9)) {
                boolean preliminary = f.chance(0.1);
                x.code("StatusInvestigation", preliminary ? "2" : "3", preliminary ? "Foreløpig" : "Endelig", null);
            }
            if (f.chance(0.1)) x.value("MedicalValidationDate", stamp(collected.plusHours(5)));
            x.leaf("RefAnalysedSubject", String.valueOf(samples.indexOf(a.sample()) + 1));
            if (f.chance(0.7)) x.value("Accredited", f.chance(0.5) ? "true" : "false");
            x.end();
        }
    }

    private void micro(Xml x, Fake f, LocalDateTime collected) {
        String[] culture = f.pick(CULTURES);
        String sampleId = String.format("%08d", f.between(0, 99_999_999)) + "BSC";
        x.start("AnalysedSubject");
        x.start("CollectedSample").value("CollectedDate", stamp(collected));
        if (f.chance(0.2)) x.leaf("Logistics", "Transportert kjølig");
        x.end();
        x.code("TypeCoded", culture[2], culture[3], SAMPLE_TYPES);
        if (f.chance(0.3)) x.leaf("AnatomicalOrigin", f.pick(List.of("Midtstråle", "Venstre legg", "Høyre arm")));
        x.leaf("IdByServProvider", sampleId);
        x.end();
        int isolates = f.chance(0.15) ? 0 : f.between(1, 2);
        if (isolates == 0) {
            x.start("ResultItem");
            x.start("TextResult").code("Heading", "LR", "Laboratorieresultat", null)
                    .leaf("TextResultValue", "Ingen vekst av patogene bakterier").end();
            x.start("Investigation").start("Id").attr("V", culture[0]).attr("S", NLK).attr("DN", culture[1]).end().end();
            x.leaf("IdResultItem", "1");
            x.leaf("RefAnalysedSubject", sampleId);
            x.end();
            return;
        }
        List<String> organisms = new ArrayList<>();
        while (organisms.size() < isolates) {
            String o = f.pick(ORGANISMS);
            if (!organisms.contains(o)) organisms.add(o);
        }
        for (int i = 0; i < isolates; i++) {
            x.start("ResultItem");
            x.start("TextResult").code("Heading", "LR", "Laboratorieresultat", null).leaf("TextResultValue", organisms.get(i)).end();
            x.start("Investigation").start("Id").attr("V", culture[0]).attr("S", NLK).attr("DN", culture[1]).end().end();
            if (f.chance(0.3)) x.leaf("Comment", f.text(1));
            x.leaf("IdResultItem", String.valueOf(i + 1));
            if (f.chance(0.5)) x.code("StatusInvestigation", "3", "Endelig", null);
            x.leaf("RefAnalysedSubject", sampleId);
            x.start("ResultItem");
            x.start("TextResult").leaf("TextResultValue", f.pick(List.of(">100.000 pr.ml.", ">1000 CFU/1000 ml.",
                    "Sparsom vekst", "Rikelig vekst"))).end();
            x.start("Investigation").start("Id").attr("S", LOCAL_CODES).attr("OT", "Mengde").end().end();
            x.end();
            x.end();
        }
        for (int i = 0; i < isolates; i++) {
            int tested = f.between(1, 5);
            List<String[]> drugs = new ArrayList<>();
            while (drugs.size() < tested) {
                String[] d = f.pick(ANTIBIOTICS);
                if (!drugs.contains(d)) drugs.add(d);
            }
            for (String[] drug : drugs) {
                x.start("ResultItem");
                x.start("TextResult").code("Heading", "RSB", "Resistensbestemmelse", null);
                if (f.chance(0.3)) x.leaf("TextResultValue", format(f.pick(List.of(0.125, 0.25, 0.5, 1.0, 2.0, 8.0)), 3));
                String sir = f.pick(List.of("S", "S", "I", "R"));
                x.start("TextCode").attr("V", sir).attr("S", SUSCEPTIBILITY).attr("DN",
                        switch (sir) {
                            case "S" -> "Sensitiv";
                            case "I" -> "Intermediært følsom";
                            default -> "Resistent";
                        }).end();
                if (f.chance(0.2)) x.leaf("Unit", "mg/L");
                x.end();
                x.start("Investigation").start("Id").attr("V", drug[0]).attr("S", NLK).attr("DN", drug[1]).end().end();
                x.leaf("RefIdResultItem", String.valueOf(i + 1));
                x.leaf("RefAnalysedSubject", sampleId);
                x.end();
            }
        }
    }

    /**
     * A KITH date-time. Clock times in the spring-forward gap (02:xx on the last Sunday of March)
     * do not exist in Norway and no lab system writes them: they are moved forward an hour.
     */
    private static String stamp(LocalDateTime t) {
        return Fake.dateTime(t.atZone(OSLO).toLocalDateTime());
    }

    private static String sampleName(String code) {
        for (String[] s : SAMPLE_NAMES) if (s[0].equals(code)) return s[1];
        return code;
    }

    /** A reference range as labs write it: Norwegian decimal comma, "< high" when the lower limit is 0. */
    private static String range(Analysis a) {
        String high = format(a.high(), a.decimals()).replace('.', ',');
        if (a.low() == 0) return "< " + high;
        return format(a.low(), a.decimals()).replace('.', ',') + " - " + high;
    }

    private static String format(double v, int decimals) {
        String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        if (decimals > 1) s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        return s;
    }
}
