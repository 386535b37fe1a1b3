package no.samnav.mappers.pregnancy;

import java.time.LocalDate;
import java.util.List;

/**
 * The first page of the pregnancy card: term date, obstetric counts and the history that matters
 * for this pregnancy. Free text throughout, as the card has it; lists are never null.
 *
 * @param termDate             estimated delivery date (termin)
 * @param gravida              number of pregnancies including this one
 * @param para                 number of births
 * @param previousPregnancies  earlier pregnancies and births (tidligere svangerskap og fødsler)
 * @param history              relevant health history (anamnese)
 * @param medications          current medication, one per entry
 * @param allergies            allergies, one per entry
 * @param riskFactors          risk factors, one per entry
 */
public record PregnancyBackground(LocalDate termDate, Integer gravida, Integer para, String previousPregnancies,
        String history, List<String> medications, List<String> allergies, List<String> riskFactors) {

    public PregnancyBackground {
        medications = medications == null ? List.of() : List.copyOf(medications);
        allergies = allergies == null ? List.of() : List.copyOf(allergies);
        riskFactors = riskFactors == null ? List.of() : List.copyOf(riskFactors);
    }
}
