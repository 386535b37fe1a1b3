package no.samnav.gateway.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import no.samnav.mappers.error.MappingException;
import org.hl7.fhir.r4.model.OperationOutcome;

/** Turns the gateway's structured errors into OperationOutcomes with a FHIRPath location. */
public final class FhirErrors {

    private FhirErrors() {
    }

    /** An OperationOutcome with one error issue at {@code expression} (FHIRPath, may be null). */
    public static OperationOutcome outcome(OperationOutcome.IssueType type, String expression, String text) {
        OperationOutcome outcome = new OperationOutcome();
        OperationOutcome.OperationOutcomeIssueComponent issue = outcome.addIssue()
                .setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(type).setDiagnostics(text);
        if (expression != null && !expression.isEmpty()) issue.addExpression(expression);
        return outcome;
    }

    /** 422 for a message the mappers cannot take, located where they found the problem. */
    static UnprocessableEntityException unprocessable(FhirContext fhir, MappingException e) {
        String path = e.location().path();
        if (path.startsWith("MessageHeader.")) path = "Bundle.entry[0].resource." + path.substring("MessageHeader.".length());
        return new UnprocessableEntityException(fhir, outcome(OperationOutcome.IssueType.PROCESSING,
                path.startsWith("Bundle") ? path : null,
                e.appRecCode().code() + " " + e.problem()));
    }

    /** 422 with one issue. */
    public static UnprocessableEntityException unprocessable(FhirContext fhir, OperationOutcome.IssueType type,
            String expression, String text) {
        return new UnprocessableEntityException(fhir, outcome(type, expression, text));
    }
}
