package no.samnav.gateway.fhir;

import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Validate;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import no.samnav.gateway.security.Scopes;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * {@code POST /fhir/<type>/$validate} for one resource type: validates against FHIR R4 and the
 * configured profiles (no-basis), answering 200 with an OperationOutcome whose issues carry the
 * FHIRPath of each problem (no issue of severity error: valid). One instance per type the API
 * documents, from {@link FhirServerConfiguration}.
 */
public class ValidateProvider implements IResourceProvider {

    private final Class<? extends IBaseResource> type;
    private final BoundedValidation validation;
    private final ApiAccess access;
    private final boolean profilesLoaded;

    public ValidateProvider(Class<? extends IBaseResource> type, BoundedValidation validation, ApiAccess access,
            boolean profilesLoaded) {
        this.type = type;
        this.validation = validation;
        this.access = access;
        this.profilesLoaded = profilesLoaded;
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
        return type;
    }

    @Validate
    public MethodOutcome validate(@ResourceParam IBaseResource resource) {
        access.require(Scopes.VALIDATE);
        if (resource == null) throw new InvalidRequestException("The request body must be the resource to validate");
        if (!type.isInstance(resource)) {
            throw new InvalidRequestException("This is " + type.getSimpleName() + "/$validate; the body is a "
                    + resource.fhirType());
        }
        OperationOutcome outcome = (OperationOutcome) validation.result(resource).toOperationOutcome();
        if (!profilesLoaded) {
            outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.INFORMATION)
                    .setCode(OperationOutcome.IssueType.INFORMATIONAL)
                    .setDiagnostics("Validated against FHIR R4 only: no profile directory is configured"
                            + " (samnav.fhir.profile-directory), so no-basis rules were not checked");
        }
        if (outcome.getIssue().isEmpty()) {
            outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.INFORMATION)
                    .setCode(OperationOutcome.IssueType.INFORMATIONAL).setDiagnostics("No issues found");
        }
        return new MethodOutcome().setOperationOutcome(outcome);
    }
}
