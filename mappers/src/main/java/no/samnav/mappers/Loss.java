package no.samnav.mappers;

/**
 * One piece of source content that a writer could not carry into its target format.
 *
 * @param path    where the content stood, as an element path of the message being written
 *                (the same shape as the source's path for a version translation)
 * @param fhirPath where the content sits in the canonical FHIR Bundle
 * @param reason  why the target cannot carry it
 */
public record Loss(String path, String fhirPath, String reason) {

    @Override
    public String toString() {
        return path + " (" + fhirPath + "): " + reason;
    }
}
