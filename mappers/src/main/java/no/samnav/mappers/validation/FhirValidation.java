package no.samnav.mappers.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * FHIR R4 validation with HAPI's instance validator, optionally with the HL7 Norway no-basis
 * profiles loaded from a directory (StructureDefinitions, ValueSets, CodeSystems, NamingSystems).
 */
public final class FhirValidation {

    private final FhirContext context;
    private final FhirValidator validator;

    /** Validation against the base R4 specification. */
    public FhirValidation(FhirContext context) {
        this(context, null);
    }

    /** Validation against R4 plus the conformance resources found in {@code profileDir} (may be null). */
    public FhirValidation(FhirContext context, Path profileDir) {
        this.context = context;
        ValidationSupportChain chain = new ValidationSupportChain(
                new DefaultProfileValidationSupport(context),
                new CommonCodeSystemsTerminologyService(context),
                new InMemoryTerminologyServerValidationSupport(context),
                new SnapshotGeneratingValidationSupport(context));
        if (profileDir != null) chain.addValidationSupport(0, profiles(context, profileDir));
        FhirInstanceValidator module = new FhirInstanceValidator(chain);
        module.setAnyExtensionsAllowed(true);
        module.setErrorForUnknownProfiles(false);
        this.validator = context.newValidator().registerValidatorModule(module);
    }

    private static PrePopulatedValidationSupport profiles(FhirContext context, Path dir) {
        PrePopulatedValidationSupport support = new PrePopulatedValidationSupport(context);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.xml")) {
            for (Path f : files) {
                IBaseResource r = context.newXmlParser().parseResource(Files.readString(f));
                support.addResource(r);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Profiles in " + dir + " could not be read: " + e.getMessage(), e);
        }
        return support;
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
