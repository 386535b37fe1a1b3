package no.samnav.gateway.journal;

import ca.uhn.fhir.context.FhirContext;
import no.samnav.gateway.fhir.FhirErrors;
import no.samnav.mappers.fhir.Systems;
import no.samnav.mappers.identifiers.NorwegianIds;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * The patient of a shared journal request: a fødselsnummer, D-nummer or felles hjelpenummer (the
 * hospitals' number for a patient without either; the same check digits) with its system, or 422
 * located at it.
 */
final class PatientIdentifiers {

    private PatientIdentifiers() {
    }

    static boolean isPersonNumber(Identifier identifier, boolean systemOptional) {
        if (identifier == null || !NorwegianIds.isValidPersonNumber(identifier.getValue())) return false;
        String system = identifier.getSystem();
        return systemOptional && system == null || isPersonNumberSystem(system);
    }

    static boolean isPersonNumberSystem(String system) {
        return Systems.FNR.equals(system) || Systems.DNR.equals(system) || Systems.FHN.equals(system);
    }

    /** The number of {@code identifier}; 422 at {@code expression} (the message never repeats the value) otherwise. */
    static String require(FhirContext fhir, Identifier identifier, boolean systemOptional, String expression) {
        if (!isPersonNumber(identifier, systemOptional)) {
            throw FhirErrors.unprocessable(fhir, OperationOutcome.IssueType.VALUE, expression,
                    "The patient is identified by a valid fødselsnummer (" + Systems.FNR + "), D-nummer ("
                            + Systems.DNR + ") or felles hjelpenummer (" + Systems.FHN + ")");
        }
        return identifier.getValue();
    }
}
