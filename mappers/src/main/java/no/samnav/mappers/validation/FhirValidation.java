package no.samnav.mappers.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * FHIR R4 validation with HAPI's instance validator, optionally with conformance resources such as
 * the HL7 Norway no-basis profiles (StructureDefinitions, ValueSets, CodeSystems, NamingSystems).
 */
public final class FhirValidation {

    private final FhirContext context;
    private final FhirValidator validator;

    /** Validation against the base R4 specification. */
    public FhirValidation(FhirContext context) {
        this(context, List.of());
    }

    /**
     * Validation against R4 plus conformance resources (StructureDefinitions, ValueSets, CodeSystems,
     * NamingSystems) such as the no-basis package; the caller reads them from wherever they are kept.
     */
    public FhirValidation(FhirContext context, Collection<? extends IBaseResource> conformanceResources) {
        this.context = context;
        ValidationSupportChain chain = new ValidationSupportChain(
                new DefaultProfileValidationSupport(context),
                new CommonCodeSystemsTerminologyService(context),
                new InMemoryTerminologyServerValidationSupport(context),
                new SnapshotGeneratingValidationSupport(context));
        if (!conformanceResources.isEmpty()) {
            PrePopulatedValidationSupport profiles = new PrePopulatedValidationSupport(context);
            conformanceResources.forEach(profiles::addResource);
            chain.addValidationSupport(0, profiles);
        }
        FhirInstanceValidator module = new FhirInstanceValidator(chain);
        module.setAnyExtensionsAllowed(true);
        module.setErrorForUnknownProfiles(false);
        this.validator = context.newValidator().registerValidatorModule(module);
    }

    /** Errors and fatal errors, as {@code location: message}; empty when the resource is valid. */
    public List<String> errors(IBaseResource resource) {
        ValidationResult result = validator.validateWithResult(resource);
        List<String> errors = new ArrayList<>();
        for (SingleValidationMessage m : result.getMessages()) {
            if (m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL) {
                errors.add(m.getLocationString() + ": " + m.getMessage());
            }
        }
        return errors;
    }

    /** The whole result, e.g. for {@link ValidationResult#toOperationOutcome()}. */
    public ValidationResult result(IBaseResource resource) {
        return validator.validateWithResult(resource);
    }

    /** All messages including warnings, for reports. */
    public List<SingleValidationMessage> messages(IBaseResource resource) {
        return validator.validateWithResult(resource).getMessages();
    }

    public FhirContext context() {
        return context;
    }
}
