package no.samnav.conformance.generator;

import java.util.List;

/**
 * The clinical content Henvisning 1.1 and 2.0 share (PatientPrecaution, InfItem, ReasonAsText,
 * Diagnosis, ReqServ, Comment, Consent), written with each version's types: CS without code system
 * and TS {@code V} attributes in 1.1, CV with code system and date/dateTime text in 2.0.
 */
final class HenvisningContent {

    static final String INF_ITEM_TYPE = "2.16.578.1.12.4.1.1.8233";
    static final String REASON_HEADING = "2.16.578.1.12.4.1.1.8231";
    static final String COMMENT_HEADING = "2.16.578.1.12.4.1.1.8234";
    static final String ATC = "2.16.578.1.12.4.1.1.7180";

    private static final List<String[]> INF_TYPES = List.of(new String[] {"ANAM", "Sykehistorie"},
            new String[] {"FUNN", "Funn og undersøkelsesresultat"}, new String[] {"CAVE", "Cave-opplysninger"},
            new String[] {"MEDB", "Legemiddelopplysning"});
    private static final List<String[]> HEADINGS = List.of(new String[] {"PROB", "Aktuell problemstilling"},
            new String[] {"UTRED", "Forventet utredning/behandling"}, new String[] {"FA", "Familie/sosialt"},
            new String[] {"DIAG", "Diagnose"});
    private static final List<String[]> DRUGS = List.of(new String[] {"C09AA05", "Ramipril"},
            new String[] {"A10BA02", "Metformin"}, new String[] {"N02BE01", "Paracetamol"},
            new String[] {"H02AB06", "Prednisolon"}, new String[] {"R03AC02", "Salbutamol"});
    private static final List<String[]> PRIORITIES = List.of(new String[] {"0", "Øyeblikkelig hjelp"},
            new String[] {"3", "Haster (elektiv)"}, new String[] {"N", "Elektiv/Ordinær (elektiv)"},
            new String[] {"PK", "Pakkeforløp for kreft (elektiv)"});

    private final Fake f;
    private final boolean v20;

    HenvisningContent(Fake f, boolean v20) {
        this.f = f;
        this.v20 = v20;
    }

    /** A CS in 1.1, a CV with its code system in 2.0. */
    private void csOrCv(Xml x, String name, String v, String dn, String oid) {
        x.code(name, v, dn, v20 ? oid : null);
    }

    /** A date-time: {@code V} attribute in 1.1, text in 2.0. */
    void dateTime(Xml x, String name) {
        String t = Fake.dateTime(f.recent());
        if (v20) x.leaf(name, t);
        else x.value(name, t);
    }

    /** A period: a start and, sometimes, an end some days later. */
    void period(Xml x, String startName, String endName, double pStart, double pEnd) {
        java.time.LocalDateTime start = f.recent();
        if (f.chance(pStart)) when(x, startName, Fake.dateTime(start));
        if (f.chance(pEnd)) when(x, endName, Fake.dateTime(start.plusDays(f.between(1, 60))));
    }

    private void when(Xml x, String name, String t) {
        if (v20) x.leaf(name, t);
        else x.value(name, t);
    }

    /** A date: {@code V} attribute in 1.1, text in 2.0. */
    void date(Xml x, String name) {
        String d = f.recent().toLocalDate().toString();
        if (v20) x.leaf(name, d);
        else x.value(name, d);
    }

    void precautions(Xml x) {
        for (int i = f.chance(0.3) ? f.between(1, 2) : 0; i > 0; i--) {
            x.start("PatientPrecaution");
            x.leaf("Precaution", f.text(2));
            period(x, "StartDateTime", "EndDateTime", 0.5, 0.3);
            x.end();
        }
    }

    void infItems(Xml x) {
        for (int i = f.chance(0.8) ? f.between(1, 5) : 0; i > 0; i--) {
            x.start("InfItem");
            String[] type;
            double kind = f.random().nextDouble();
            if (kind < 0.3) {
                type = INF_TYPES.get(3);
                String[] drug = f.pick(DRUGS);
                x.start("Medication");
                if (f.chance(0.8)) x.code("DrugId", drug[0], drug[1], ATC);
                else x.start("DrugId").attr("S", ATC).attr("OT", drug[1]).end();
                if (f.chance(0.3)) x.leaf("Comment", f.text(1));
                x.code("Status", "2", "Forskrevet", null);
                if (f.chance(0.5)) x.start("UnitDose").attr("V", String.valueOf(f.between(1, 40))).attr("U", "mg").end();
                if (f.chance(0.7)) x.leaf("DosageText", f.between(1, 3) + " tablett(er) " + f.pick(List.of("morgen", "kveld", "ved behov")));
                x.end();
            } else if (kind < 0.4) {
                type = INF_TYPES.get(1);
                x.start("ResultItem");
                x.start("NumResult");
                x.start("NumResultValue").attr("V", String.valueOf(f.between(30, 180))).attr("U", "g/L").end();
                x.end();
                if (f.chance(0.5)) x.leaf("Comment", f.text(1));
                x.start("ClinInv");
                x.code("Id", "NPU02319", "Hemoglobin", "2.16.578.1.12.4.1.1.7280");
                x.end();
                x.end();
            } else {
                type = f.pick(INF_TYPES);
                x.start("Observation");
                if (f.chance(0.9)) x.leaf("Description", f.chance(0.1) ? f.longText() : f.text(4));
                if (f.chance(0.3)) x.leaf("Comment", f.text(1));
                x.end();
            }
            csOrCv(x, "Type", type[0], type[1], INF_ITEM_TYPE);
            period(x, "StartDateTime", "EndDateTime", 0.3, 0.2);
            if (f.chance(0.2)) dateTime(x, "OrgDate");
            x.end();
        }
    }

    void reasons(Xml x) {
        for (int i = f.chance(0.9) ? f.between(1, 4) : 0; i > 0; i--) {
            x.start("ReasonAsText");
            String[] h = f.pick(HEADINGS);
            csOrCv(x, "Heading", h[0], h[1], REASON_HEADING);
            x.leaf("TextResultValue", f.chance(0.1) ? f.longText() : f.text(5));
            if (f.chance(0.2)) {
                String[] c = f.icpc2();
                x.code("TextCode", c[0], c[1], Fake.ICPC2);
            }
            x.end();
        }
    }

    void diagnoses(Xml x) {
        for (int i = f.chance(0.85) ? f.between(1, 3) : 0; i > 0; i--) {
            x.start("Diagnosis");
            boolean icd = f.chance(0.5);
            String[] c = icd ? f.icd10() : f.icpc2();
            x.code("Concept", c[0], c[1], icd ? Fake.ICD10 : Fake.ICPC2);
            if (f.chance(0.1)) {
                x.start("Modifier");
                x.code("Name", "1", "Sidelokalisasjon", null);
                x.code("Value", "H", "Høyre", "2.16.578.1.12.4.1.1.7306");
                x.end();
            }
            x.end();
        }
    }

    void reqServ(Xml x) {
        x.start("ReqServ");
        x.code("ServType", "N", "Ny", null);
        if (f.chance(0.3)) date(x, "ReqDate");
        String[] p = f.pick(PRIORITIES);
        x.code("Priority", p[0], p[1], null);
        if (f.chance(0.3)) x.leaf("Comment", f.text(2));
        x.end();
    }

    void comments(Xml x) {
        for (int i = f.chance(0.2) ? f.between(1, 2) : 0; i > 0; i--) {
            x.start("Comment");
            if (!v20 || f.chance(0.8)) csOrCv(x, "Heading", "FORELDRE", "Foreldreansvar", COMMENT_HEADING);
            if (!v20 || f.chance(0.8)) x.leaf("TextResultValue", f.text(2));
            if (!v20 || f.chance(0.8)) x.code("CodedComment", "1", "Begge foreldre", "2.16.578.1.12.4.1.1.9513");
            x.end();
        }
    }

    void consent(Xml x) {
        x.start("Consent");
        if (v20 || f.chance(0.8)) x.code("ConsentStatus", "1", "Samtykke gitt", "2.16.578.1.12.4.1.1.9064");
        if (f.chance(0.6)) x.leaf("ConsentDate", f.recent().toLocalDate().toString());
        if (f.chance(0.3)) x.leaf("Merknad", f.text(1));
        if (f.chance(0.4)) x.leaf("GivenBy", f.pick(List.of("Pasienten", "Foresatt", "Verge")));
        x.end();
    }

    /** A felleskomponent1 Person (names only, sometimes a phone). */
    void fk1Person(Xml x, String element, String elementNs, Fake.Person p) {
        x.start(elementNs, element);
        x.start(Fake.FK1, "FamilyName").text(p.family()).end();
        x.start(Fake.FK1, "GivenName").text(p.given()).end();
        if (f.chance(0.4)) {
            x.start(Fake.FK1, "TeleCom");
            x.start(Fake.FK1, "TeleAddress").attr("V", "tel:9" + f.between(1000000, 9999999)).end();
            x.end();
        }
        x.end();
    }
}
