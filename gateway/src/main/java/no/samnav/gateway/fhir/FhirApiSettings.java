package no.samnav.gateway.fhir;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The FHIR API's settings ({@code samnav.fhir.*}, documented in docs/configuration.md).
 *
 * @param profileDirectory conformance resources (StructureDefinitions, ValueSets, CodeSystems, as
 *                         XML) that {@code $validate} and message validation use besides FHIR R4:
 *                         the HL7 Norway no-basis package; empty: FHIR R4 only
 * @param validateMessages validate every {@code $process-message} Bundle before taking it
 * @param maxRequestBytes  largest request body the API reads (larger: 413)
 * @param concurrentValidations validations at once (default: the number of cores); more requests wait
 */
@ConfigurationProperties("samnav.fhir")
public record FhirApiSettings(Path profileDirectory, Boolean validateMessages, Integer maxRequestBytes,
        Integer concurrentValidations) {

    public FhirApiSettings {
        if (validateMessages == null) validateMessages = true;
        if (maxRequestBytes == null) maxRequestBytes = 16 * 1024 * 1024;
        if (concurrentValidations == null || concurrentValidations < 1) {
            concurrentValidations = Runtime.getRuntime().availableProcessors();
        }
    }
}
