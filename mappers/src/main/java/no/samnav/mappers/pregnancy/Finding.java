package no.samnav.mappers.pregnancy;

/**
 * A value of a check that the GP should know about.
 *
 * @param code stable key for the gateway ({@code blood-pressure}, {@code urine-protein},
 *             {@code haemoglobin}, {@code fetal-heart-rate})
 * @param text the sentence for the notice (bokmål), e.g. "Blodtrykk 150/95 mmHg (grense 140/90)"
 */
public record Finding(String code, String text) {
}
