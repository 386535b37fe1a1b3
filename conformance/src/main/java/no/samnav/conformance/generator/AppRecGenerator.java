package no.samnav.conformance.generator;

import java.util.List;
import java.util.SplittableRandom;
import no.samnav.mappers.KithStandard;
import no.samnav.mappers.kodeverk.AppRecErrorCode;

/**
 * Generates AppRecs (HIS 80415) of one version: status 1 (OK), 2 (avvist) or 3 (OK, feil i
 * delmelding) with 1..n error codes from Volven 8221, sender and receiver as an institution (with
 * departments, persons and additional ids) or a single health professional, optional address and
 * medical speciality, and the OriginalMsgId of the message answered. Versions 1.0 and 1.1 share
 * their structure; subclasses only choose the namespace and MIGversion.
 */
abstract class AppRecGenerator implements MessageGenerator {

    private static final String ERROR_CODES = AppRecErrorCode.OID;
    private static final List<String[]> ORIGINAL_TYPES = List.of(
            new String[] {"DIALOG_NOTAT", "Notat"},
            new String[] {"DIALOG_FORESPORSEL", "Forespørsel"},
            new String[] {"DIALOG_SVAR", "Svar på forespørsel"},
            new String[] {"EPIKRISE", "Epikrise"},
            new String[] {"SVAR_LAB", "Svarrapport laboratoriemedisin"},
            new String[] {"HENVISNING", "Henvisning"});

    private final KithStandard standard;
    private final String migVersion;

    protected AppRecGenerator(KithStandard standard, String migVersion) {
        this.standard = standard;
        this.migVersion = migVersion;
    }

    @Override
    public KithStandard standard() {
        return standard;
    }

    @Override
    public byte[] generate(SplittableRandom random) {
        Fake f = new Fake(random);
        Xml x = new Xml();
        x.root(standard.namespace(), "AppRec");
        x.code("MsgType", "APPREC", "Applikasjonskvittering", null);
        x.leaf("MIGversion", migVersion);
        if (f.chance(0.5)) x.leaf("SoftwareName", f.pick(List.of("Samnav testklient", "EPJ & Co <test>", "Journalsystem Øst")));
        if (f.chance(0.5)) x.leaf("SoftwareVersion", f.between(1, 9) + "." + f.between(0, 30));
        x.leaf("GenDate", Fake.dateTime(f.recent()));
        x.leaf("Id", f.uuid());
        x.start("Sender");
        if (f.chance(0.8)) x.code("Role", "PRIM", "Primærmottaker", null);
        hcp(x, f);
        x.end();
        x.start("Receiver");
        if (f.chance(0.8)) x.code("Role", "AVS", "Avsender", null);
        hcp(x, f);
        x.end();
        int status = f.between(1, 3);
        x.code("Status", String.valueOf(status), switch (status) {
            case 1 -> "OK";
            case 2 -> "Avvist";
            default -> "OK, feil i delmelding";
        }, null);
        int errors = status == 1 ? 0 : f.between(1, 3);
        for (int i = 0; i < errors; i++) {
            AppRecErrorCode code = f.pick(List.of(AppRecErrorCode.values()));
            x.start("Error").attr("V", code.code()).attr("S", ERROR_CODES).attr("DN", code.displayName());
            if (f.chance(0.5)) x.attr("OT", f.text(2));
            x.end();
        }
        x.start("OriginalMsgId");
        String[] type = f.pick(ORIGINAL_TYPES);
        x.code("MsgType", type[0], type[1], null);
        x.leaf("IssueDate", Fake.dateTime(f.recent()));
        x.leaf("Id", f.uuid());
        x.end();
        x.end();
        return x.bytes();
    }

    /** An institution with departments and persons, or a single health professional. */
    private void hcp(Xml x, Fake f) {
        x.start("HCP");
        if (f.chance(0.75)) {
            x.start("Inst");
            x.leaf("Name", f.office());
            herId(x, f);
            for (int i = f.between(0, 2); i > 0; i--) {
                x.start("Dept");
                if (f.chance(0.3)) x.code("Type", "HF", "Helseforetak", null);
                x.leaf("Name", "Avdeling " + f.place());
                herId(x, f);
                x.end();
            }
            if (f.chance(0.3)) additionalId(x, "ENH", "Organisasjonsnummeret i Enhetsregisteret", "9" + f.between(10_000_000, 99_999_999));
            for (int i = f.between(0, 2); i > 0; i--) {
                Fake.Person p = f.person();
                x.start("HCPerson");
                x.leaf("Name", p.given() + " " + p.family());
                herId(x, f);
                if (f.chance(0.4)) additionalId(x, "HPR", "HPR-nummer", f.hpr());
                x.end();
            }
            x.end();
        } else {
            Fake.Person p = f.person();
            x.start("HCProf");
            if (f.chance(0.5)) x.code("Type", "LE", "Lege", null);
            x.leaf("Name", p.given() + " " + p.family());
            herId(x, f);
            if (f.chance(0.5)) additionalId(x, "HPR", "HPR-nummer", f.hpr());
            x.end();
        }
        if (f.chance(0.3)) {
            x.start("MedSpeciality").attr("V", "1").attr("S", "2.16.578.1.12.4.1.1.7426").attr("DN", "Allmennmedisin").end();
        }
        if (f.chance(0.4)) {
            x.start("Address");
            x.code("Type", "WP", "Arbeidsadresse", null);
            x.leaf("StreetAdr", "Storgata " + f.between(1, 120));
            x.leaf("PostalCode", "90" + f.between(10, 99));
            x.leaf("City", f.place());
            if (f.chance(0.5)) x.code("County", "5534", "Balsfjord", null);
            if (f.chance(0.7)) x.start("TeleAddress").attr("V", "tel:" + f.between(70_000_000, 79_999_999)).end();
            x.end();
        }
        x.end();
    }

    /** Id and TypeId HER, left out now and then (both are optional in the schema). */
    private static void herId(Xml x, Fake f) {
        if (f.chance(0.1)) return;
        x.leaf("Id", f.herId());
        x.code("TypeId", "HER", "HER-id", null);
    }

    private static void additionalId(Xml x, String type, String dn, String id) {
        x.start("AdditionalId").leaf("Id", id).code("Type", type, dn, null).end();
    }
}
