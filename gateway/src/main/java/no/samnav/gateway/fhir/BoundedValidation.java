package no.samnav.gateway.fhir;

import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.validation.ValidationResult;
import java.util.concurrent.Semaphore;
import no.samnav.mappers.validation.FhirValidation;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * FHIR validation for the API, at most {@code permits} at a time: a validation is CPU-bound, so more
 * at once than there are cores only adds heap (eight concurrent clients ran a gateway with 512 MB
 * of heap out of it; two at a time did not); the others wait their turn.
 */
public final class BoundedValidation {

    private final FhirValidation validation;
    private final Semaphore permits;

    public BoundedValidation(FhirValidation validation, int permits) {
        this.validation = validation;
        this.permits = new Semaphore(permits, true);
    }

    public ValidationResult result(IBaseResource resource) {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InternalErrorException("The gateway is stopping; send the request again");
        }
        try {
            return validation.result(resource);
        } finally {
            permits.release();
        }
    }
}
