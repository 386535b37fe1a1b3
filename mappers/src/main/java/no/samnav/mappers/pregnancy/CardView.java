package no.samnav.mappers.pregnancy;

import java.util.List;

/**
 * What the printed pregnancy card shows: the gateway assembles it from the stored resources.
 *
 * @param patientName           the woman's name
 * @param fnr                   her fødselsnummer (or D-nummer)
 * @param background            term date, gravida/para and history; may be null before it is filled in
 * @param checks                the antenatal checks in any order (the card sorts them by date)
 * @param servingMunicipality   the municipality whose service the pregnancy care is (tjenestekommune)
 * @param employingMunicipality the municipality employing the midwife (arbeidsgiverkommune)
 * @param printedLine           version and time of printing, e.g. "Versjon 7, skrevet ut 04.03.2026 kl. 10:15"
 */
public record CardView(String patientName, String fnr, PregnancyBackground background, List<AntenatalCheck> checks,
        String servingMunicipality, String employingMunicipality, String printedLine) {

    public CardView {
        checks = checks == null ? List.of() : List.copyOf(checks);
    }
}
