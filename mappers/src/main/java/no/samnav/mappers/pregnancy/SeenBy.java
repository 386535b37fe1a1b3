package no.samnav.mappers.pregnancy;

/**
 * Who saw the woman at a check: the card's signature column.
 *
 * @param hpr       HPR-nummer
 * @param name      full name as shown on the card
 * @param clinician midwife or GP
 */
public record SeenBy(String hpr, String name, Clinician clinician) {
}
