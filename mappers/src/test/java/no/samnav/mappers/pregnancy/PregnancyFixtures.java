package no.samnav.mappers.pregnancy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Synthetic pregnancy record: fictional woman, midwife and GP. */
final class PregnancyFixtures {

    private PregnancyFixtures() {
    }

    static final PatientRef PATIENT = PatientRef.fnr("12059248241", "Kari Nordmann");
    static final String EPISODE = "c0ffee00-0000-4000-8000-000000000001";
    static final Office HEALTH_STATION = new Office("storsteinnes-helsestasjon", "Storsteinnes helsestasjon");
    static final SeenBy MIDWIFE = new SeenBy("9144889", "Jorunn Jordmor", Clinician.MIDWIFE);
    static final LocalDate TERM = LocalDate.of(2026, 6, 20);

    /** A check with every field filled in. */
    static AntenatalCheck fullCheck() {
        LocalDate date = LocalDate.of(2026, 3, 4);
        return new AntenatalCheck("3d5e7f90-1a2b-4c3d-8e4f-5a6b7c8d9e0f", date, GestationalAge.fromTermDate(TERM, date),
                HEALTH_STATION, MIDWIFE, 118, 74, new BigDecimal("72.5"), new BigDecimal("11.8"), DipstickResult.NEGATIVE,
                DipstickResult.TRACE, 27, 142, FetalPresentation.CEPHALIC, Oedema.SLIGHT,
                "Kjenner liv. Litt hodepine siste uke.\nAvtalt ny kontroll om 2 uker.");
    }

    /** A first check with only a few measurements, seen by the GP. */
    static AntenatalCheck sparseCheck() {
        return new AntenatalCheck("first-visit-1", LocalDate.of(2025, 11, 20), GestationalAge.parse("10+6"),
                new Office("oteren-legekontor", "Oteren legekontor"), new SeenBy("565501872", "Lars Lege", Clinician.GP),
                null, null, new BigDecimal("68.0"), new BigDecimal("12.9"), null, null, null, null, null, null, null);
    }

    static PregnancyBackground background() {
        return new PregnancyBackground(TERM, 3, 1, "2019: normal fødsel, gutt 3450 g.\n2022: spontanabort uke 9.",
                "Astma i barndommen, ingen plager nå.", List.of("Folsyre 0,4 mg x 1", "Levaxin 50 mikrog x 1"),
                List.of("Penicillin (utslett)"), List.of("Hypotyreose", "BMI 31 ved første kontroll"));
    }
}
