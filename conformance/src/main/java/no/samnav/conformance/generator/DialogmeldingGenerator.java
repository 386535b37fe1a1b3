package no.samnav.conformance.generator;

import java.util.List;
import java.util.SplittableRandom;
import no.samnav.mappers.KithStandard;

/**
 * Generates Dialogmelding messages (HIS 80603) in a MsgHead 1.2: a note (Notat), a question
 * (Foresporsel) or an answer (a Notat repeating the Foresporsel it answers), with 1..n notes or
 * questions, RollerRelatertNotat with health professionals or persons, coded topics, and MsgHead
 * parts around them: ConversationRef, sender and receiver organisation hierarchies with HER-ids,
 * the patient, copy recipients, sometimes a second Dialogmelding Document, and 0..3 attachments as
 * extra Documents (Base64Container or FileReference). The elements only 1.1 has (EmneSporsmal, KodetOpplysning, repeated
 * TypeJournalinfo, TilknyttetEnhet, a role without a person) are generated for 1.1 only.
 */
abstract class DialogmeldingGenerator implements MessageGenerator {

    static final String TEMA_HELSEFAGLIG = "2.16.578.1.12.4.1.1.7322";
    static final String TEMA_SVAR = "2.16.578.1.12.4.1.1.9069";
    static final String TYPE_FORESP = "2.16.578.1.12.4.1.1.9152";
    static final String ROLE_TO_PATIENT = "2.16.578.1.12.4.1.1.9034";
    static final String TYPE_JOURNALINFO = "2.16.578.1.12.4.1.1.9066";
    static final String ROLLE_NOTAT = "2.16.578.1.12.4.1.1.9057";
    static final String SAKSTYPE = "2.16.578.1.12.4.1.1.8127";
    static final String XHTML = "http://www.w3.org/1999/xhtml";

    private static final List<String[]> TEMA_CODES = List.of(
            new String[] {"1", "Henvendelse om tjenestetilbud"}, new String[] {"2", "Henvendelse om medisinering"},
            new String[] {"3", "Henvendelse om prøvesvar"}, new String[] {"6", "Henvendelse om pasient"},
            new String[] {"8", "Melding om endring i pasientens tilstand"});
    private static final List<String[]> FORESP_CODES = List.of(
            new String[] {"1", "Forespørsel om pasient"}, new String[] {"2", "Forespørsel om resept"},
            new String[] {"4", "Forespørsel om legemiddelliste"}, new String[] {"99", "Annen henvendelse"});
    private static final List<String[]> ROLES = List.of(
            new String[] {"6", "Fastlege"}, new String[] {"9", "Primærkontakt"}, new String[] {"1", "Behandlende lege"},
            new String[] {"3", "Pårørende"});
    private static final List<String[]> HP_TYPES = List.of(
            new String[] {"LE", "Lege"}, new String[] {"SP", "Sykepleier"}, new String[] {"JO", "Jordmor"},
            new String[] {"FT", "Fysioterapeut"});

    private final KithStandard standard;
    private final boolean v11;

    protected DialogmeldingGenerator(KithStandard standard) {
        this.standard = standard;
        this.v11 = standard == KithStandard.DIALOGMELDING_1_1;
    }

    @Override
    public KithStandard standard() {
        return standard;
    }

    private enum Kind { NOTAT, FORESPORSEL, SVAR }

    @Override
    public byte[] generate(SplittableRandom random) {
        Fake f = new Fake(random);
        Kind kind = f.pick(List.of(Kind.values()));
        String[] type = switch (kind) {
            case NOTAT -> v11 ? new String[] {"DIALOG_HELSEFAGLIG", "Helsefaglig dialog"} : new String[] {"DIALOG_NOTAT", "Notat"};
            case FORESPORSEL -> new String[] {"DIALOG_FORESPORSEL", "Forespørsel"};
            case SVAR -> new String[] {"DIALOG_SVAR", "Svar på forespørsel"};
        };
        Xml x = new Xml();
        x.root(Fake.MSGHEAD, "MsgHead");
        x.prefix("fk1", Fake.FK1);
        msgInfo(x, f, type, kind == Kind.SVAR);
        // Now and then a second Dialogmelding document of the same kind ("several Documents").
        for (int doc = f.chance(0.05) ? 2 : 1; doc > 0; doc--) {
            x.start("Document");
            if (f.chance(0.3)) x.code("DocumentConnection", "H", "Hoveddokument", null);
            x.start("RefDoc");
            x.value("IssueDate", Fake.dateTime(f.recent()));
            x.code("MsgType", "XML", "XML-instans", null);
            if (f.chance(0.2)) x.leaf("Id", f.uuid());
            x.start("Content");
            dialogmelding(x, f, kind);
            x.ns(Fake.MSGHEAD);
            x.end().end().end();
        }
        for (int i = f.chance(0.6) ? 0 : f.between(1, 3); i > 0; i--) attachment(x, f);
        x.end();
        return x.bytes();
    }

    private void msgInfo(Xml x, Fake f, String[] type, boolean answer) {
        x.start("MsgInfo");
        x.code("Type", type[0], type[1], null);
        x.leaf("MIGversion", "v1.2 2006-05-24");
        x.leaf("GenDate", Fake.dateTime(f.recent()));
        x.leaf("MsgId", f.uuid());
        if (f.chance(0.1)) x.code("ProcessingStatus", "P", "Produksjon", null);
        if (f.chance(0.1)) x.code("RequestedPriority", "N", "Normal", null);
        if (f.chance(0.5)) x.code("Ack", "J", "Ja", null);
        if (answer || f.chance(0.3)) {
            String conversation = f.uuid();
            x.start("ConversationRef").leaf("RefToParent", f.chance(0.5) ? conversation : f.uuid())
                    .leaf("RefToConversation", conversation).end();
        }
        x.start("Sender");
        msgHeadOrganisation(x, f);
        x.end();
        x.start("Receiver");
        msgHeadOrganisation(x, f);
        x.end();
        if (f.chance(0.15)) {
            x.start("OtherReceiver");
            x.code("RoleReceiver", "KOPI", "Kopimottaker", null);
            msgHeadOrganisation(x, f);
            x.end();
        }
        f.patient(x, f.person());
        x.end();
    }

    /** Organisation with HER-id, an optional sub-unit (itself with a health professional) or a professional. */
    private void msgHeadOrganisation(Xml x, Fake f) {
        x.start("Organisation");
        x.leaf("OrganisationName", f.office());
        ident(x, f.herId(), "HER", "HER-id", "2.16.578.1.12.4.1.1.9051");
        if (f.chance(0.2)) ident(x, "9" + f.between(10_000_000, 99_999_999), "ENH", "Organisasjonsnummeret i Enhetsregisteret",
                "2.16.578.1.12.4.1.1.9051");
        boolean unit = f.chance(0.5);
        if (unit) {
            x.start("Organisation");
            x.leaf("OrganisationName", "Avdeling " + f.place());
            ident(x, f.herId(), "HER", "HER-id", "2.16.578.1.12.4.1.1.9051");
            if (f.chance(0.4)) msgHeadProfessional(x, f);
            x.end();
        }
        if (!unit && f.chance(0.6)) msgHeadProfessional(x, f);
        x.end();
    }

    private void msgHeadProfessional(Xml x, Fake f) {
        Fake.Person p = f.person();
        x.start("HealthcareProfessional");
        if (f.chance(0.3)) {
            String[] role = f.pick(ROLES.subList(0, 3));
            x.code("RoleToPatient", role[0], role[1], ROLE_TO_PATIENT);
        }
        x.leaf("FamilyName", p.family());
        x.leaf("GivenName", p.given());
        ident(x, f.herId(), "HER", "HER-id", "2.16.578.1.12.4.1.1.9051");
        if (f.chance(0.3)) ident(x, f.hpr(), "HPR", "HPR-nummer", Fake.ID_TYPES);
        x.end();
    }

    private static void ident(Xml x, String id, String v, String dn, String s) {
        x.start("Ident").leaf("Id", id).code("TypeId", v, dn, s).end();
    }

    private void attachment(Xml x, Fake f) {
        x.start("Document");
        x.start("RefDoc");
        x.value("IssueDate", Fake.dateTime(f.recent()));
        x.code("MsgType", "A", "Vedlegg", null);
        if (f.chance(0.3)) x.leaf("Id", f.uuid());
        x.leaf("MimeType", f.pick(List.of("application/pdf", "image/jpeg")));
        if (f.chance(0.8)) x.leaf("Description", "Vedlegg: " + f.pick(List.of("EKG", "Røntgenbeskrivelse & svar", "Bilde av sår")));
        if (f.chance(0.85)) {
            x.start("Content");
            x.start(Fake.BASE64, "Base64Container").attr("xmlns", Fake.BASE64);
            String base64 = f.attachmentBase64();
            // Wrapped at 76 columns half of the time, as MIME encoders do.
            x.text(f.chance(0.5) ? base64 : base64.replaceAll("(.{76})", "$1\n"));
            x.end();
            x.end();
        } else {
            x.leaf("FileReference", "https://vedlegg.example.no/" + f.uuid() + ".pdf");
        }
        x.end().end();
    }

    private void dialogmelding(Xml x, Fake f, Kind kind) {
        x.start(standard.namespace(), "Dialogmelding").attr("xmlns", standard.namespace());
        x.ns(standard.namespace());
        if (f.chance(0.2)) x.code("SakstypeKodet", "1", "Sykmelding", SAKSTYPE);
        if (f.chance(0.2)) x.leaf("Sakstype", "Oppfølging " + f.place());
        int n = f.chance(0.8) ? 1 : f.between(2, 3);
        for (int i = 0; i < n; i++) {
            if (kind == Kind.FORESPORSEL) foresporsel(x, f); else notat(x, f, kind == Kind.SVAR);
        }
        x.end();
    }

    private void notat(Xml x, Fake f, boolean answer) {
        x.start("Notat");
        if (answer) {
            x.code("TemaKodet", "5", "Svar på forespørsel", TEMA_SVAR);
        } else {
            String[] tema = f.pick(TEMA_CODES);
            x.code("TemaKodet", tema[0], tema[1], TEMA_HELSEFAGLIG);
        }
        if (f.chance(0.6)) x.leaf("Tema", f.pick(List.of("EKG tatt i dag", "Blodtrykk & medisiner", "Sårstell <hjemme>")));
        if (f.chance(0.9)) freeText(x, f, "TekstNotatInnhold", f.chance(0.1) ? f.longText() : f.text(5), true);
        if (f.chance(0.3)) x.leaf("Merknad", f.text(1));
        if (f.chance(0.3)) x.leaf("DokIdNotat", f.uuid());
        if (f.chance(0.5)) x.leaf("DatoNotat", f.recent().toLocalDate().toString());
        if (answer) foresporsel(x, f);
        roles(x, f);
        x.end();
    }

    private void foresporsel(Xml x, Fake f) {
        x.start("Foresporsel");
        String[] type = f.pick(FORESP_CODES);
        x.code("TypeForesp", type[0], type[1], TYPE_FORESP);
        if (v11 && f.chance(0.5)) x.leaf("EmneSporsmal", f.pick(List.of("Resept", "Legemiddelliste", "Prøvesvar & videre plan")));
        if (f.chance(0.9)) freeText(x, f, "Sporsmal", f.text(3), v11);
        if (f.chance(0.2)) x.code("Formål", "1", "Til orientering", "2.16.578.1.12.4.1.1.9068");
        if (f.chance(0.3)) x.leaf("Begrunnelse", f.text(1));
        if (f.chance(0.3)) x.code("Hastegrad", f.pick(List.of("H", "N")), "Hastegrad", null);
        if (f.chance(0.3)) {
            java.time.LocalDate from = f.recent().toLocalDate();
            x.leaf("FraDato", from.toString());
            if (f.chance(0.6)) x.leaf("TilDato", from.plusDays(f.between(1, 400)).toString());
        }
        int journalinfo = v11 ? f.between(0, 3) : f.between(0, 1);
        for (int i = 0; i < journalinfo; i++) {
            x.code("TypeJournalinfo", String.valueOf(i + 1), f.pick(List.of("Epikrise", "Legemiddelliste", "Prøvesvar")),
                    TYPE_JOURNALINFO);
        }
        if (v11 && f.chance(0.3)) {
            String[] icd = f.icd10();
            x.code("KodetOpplysning", icd[0], icd[1], Fake.ICD10);
        }
        if (f.chance(0.3)) x.leaf("DokIdForesp", f.uuid());
        roles(x, f);
        x.end();
    }

    /**
     * A free-text element; where the schema has anyType (TekstNotatInnhold in both versions,
     * Sporsmal in 1.1) sometimes XHTML paragraphs with emphasis, as EPJ systems send formatted text.
     */
    private static void freeText(Xml x, Fake f, String name, String text, boolean anyType) {
        if (!anyType || !f.chance(0.25)) {
            x.leaf(name, text);
            return;
        }
        x.start(name);
        String saved = x.ns();
        x.start(XHTML, "div").attr("xmlns", XHTML);
        x.ns(XHTML);
        x.start("p").text(text).end();
        if (f.chance(0.5)) x.start("p").start("b").text(f.text(1)).end().text(" " + f.text(1)).end();
        x.end();
        x.ns(saved);
        x.end();
    }

    private void roles(Xml x, Fake f) {
        for (int i = f.chance(0.4) ? 0 : f.between(1, 2); i > 0; i--) {
            x.start("RollerRelatertNotat");
            if (f.chance(0.3)) x.code("RolleNotat", "1", "Ansvarlig", ROLLE_NOTAT);
            String[] role = f.pick(ROLES);
            if (f.chance(0.7)) x.code("RoleToPatient", role[0], role[1], ROLE_TO_PATIENT);
            if (v11 && f.chance(0.3)) tilknyttetEnhet(x, f);
            if (!v11 || f.chance(0.8)) {
                if (f.chance(0.75)) professional(x, f); else person(x, f);
            }
            x.end();
        }
    }

    private void tilknyttetEnhet(Xml x, Fake f) {
        x.start("TilknyttetEnhet");
        x.start("Kontaktenhet");
        // Kontaktenhet is a felleskomponent1 Organisation: all its children are in that namespace.
        x.ns(Fake.FK1);
        x.leaf("OrganisationName", f.office());
        fk1Ident(x, f.herId(), "HER", "HER-id", "2.16.578.1.12.4.1.1.9051");
        if (f.chance(0.3)) {
            x.start("Organisation");
            x.leaf("OrganisationName", "Avdeling " + f.place());
            fk1Ident(x, f.herId(), "HER", "HER-id", "2.16.578.1.12.4.1.1.9051");
            x.end();
        }
        x.ns(standard.namespace());
        x.end();
        if (f.chance(0.5)) x.leaf("Merknad", f.text(1));
        if (f.chance(0.5)) professional(x, f);
        x.end();
    }

    private void professional(Xml x, Fake f) {
        Fake.Person p = f.person();
        x.start("HealthcareProfessional");
        if (f.chance(0.6)) {
            String[] t = f.pick(HP_TYPES);
            x.code("TypeHealthcareProfessional", t[0], t[1], null);
        }
        x.leaf("FamilyName", p.family());
        x.leaf("GivenName", p.given());
        if (f.chance(0.8)) fk1Ident(x, f.hpr(), "HPR", "HPR-nummer", Fake.ID_TYPES);
        if (f.chance(0.3)) fk1Ident(x, f.herId(), "HER", "HER-id", Fake.HER_TYPE);
        if (f.chance(0.2)) fk1Address(x, f);
        if (f.chance(0.5)) {
            x.start("TeleCom");
            x.start(Fake.FK1, "TeleAddress").attr("V", "tel:" + f.between(70_000_000, 79_999_999)).end();
            x.end();
        }
        x.end();
    }

    private void person(Xml x, Fake f) {
        Fake.Person p = f.person();
        x.start("Person");
        x.leaf("GivenName", p.given());
        x.leaf("FamilyName", p.family());
        if (f.chance(0.3)) x.leaf("DateOfBirth", p.born().toString());
        if (f.chance(0.3)) x.code("Sex", p.sex(), p.sex().equals("2") ? "Kvinne" : "Mann", null);
        if (f.chance(0.4)) fk1Ident(x, p.fnr(), "FNR", "Fødselsnummer", Fake.ID_TYPES);
        if (f.chance(0.2)) fk1Address(x, f);
        if (f.chance(0.3)) {
            x.start("TeleCom");
            x.start(Fake.FK1, "TeleAddress").attr("V", "tel:" + f.between(40_000_000, 49_999_999)).end();
            x.end();
        }
        x.end();
    }

    private static void fk1Address(Xml x, Fake f) {
        x.start("Address");
        x.start(Fake.FK1, "Type").attr("V", "H").attr("DN", "Bostedsadresse").end();
        x.start(Fake.FK1, "StreetAdr").text("Storgata " + f.between(1, 120)).end();
        x.start(Fake.FK1, "PostalCode").text("90" + f.between(10, 99)).end();
        x.start(Fake.FK1, "City").text(f.place()).end();
        x.end();
    }

    private static void fk1Ident(Xml x, String id, String v, String dn, String s) {
        x.start("Ident");
        x.start(Fake.FK1, "Id").text(id).end();
        x.start(Fake.FK1, "TypeId").attr("V", v).attr("DN", dn).attr("S", s).end();
        x.end();
    }
}
