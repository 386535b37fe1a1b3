package no.samnav.mappers.notice;

import java.time.LocalDate;
import no.samnav.mappers.identifiers.NorwegianIds;
import no.samnav.mappers.kodeverk.Sex;

/**
 * The patient a notice is about. Birth date and sex are taken as given rather than derived from
 * the number: the project has no such derivation, and a D-nummer or a synthetic test number
 * encodes them differently.
 *
 * @param fnr        fødselsnummer or D-nummer (11 digits, valid check digits); required
 * @param familyName family name; required
 * @param givenName  given name(s); required
 * @param birthDate  date of birth; required
 * @param sex        sex (Volven 3101), or null
 */
public record NoticePatient(String fnr, String familyName, String givenName, LocalDate birthDate, Sex sex) {

    /** @throws IllegalArgumentException when a required value is missing or the number is invalid (never echoed) */
    public NoticePatient {
        fnr = Inputs.required("patient.fnr", fnr).strip();
        if (!NorwegianIds.isValidPersonNumber(fnr)) {
            throw new IllegalArgumentException(
                    "patient.fnr must be a fødselsnummer or D-nummer: 11 digits with valid modulus-11 check digits");
        }
        familyName = Inputs.required("patient.familyName", familyName).strip();
        givenName = Inputs.required("patient.givenName", givenName).strip();
        Inputs.present("patient.birthDate", birthDate);
    }

    /** Whether the number is a D-nummer rather than a fødselsnummer. */
    public boolean isDNumber() {
        return NorwegianIds.isDNumber(fnr);
    }

    /** Without the number or names: a record's default text would put them in any log line it reaches. */
    @Override
    public String toString() {
        return "NoticePatient[fnr=***********, names=***, birthDate=***, sex=" + sex + "]";
    }
}
