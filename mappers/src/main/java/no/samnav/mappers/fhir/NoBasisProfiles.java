package no.samnav.mappers.fhir;

import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

/**
 * Declares the HL7 Norway no-basis profile in {@code meta.profile} of every resource that has one,
 * so receivers and validators know which Norwegian rules (identifier systems, names, addresses)
 * the resource follows. The conformance suite validates the Bundles against these profiles.
 */
public final class NoBasisProfiles {

    private NoBasisProfiles() {
    }

    public static final String BASE = "http://hl7.no/fhir/StructureDefinition/";

    private static final Map<String, String> BY_TYPE = Map.of(
            "Patient", BASE + "no-basis-Patient",
            "Practitioner", BASE + "no-basis-Practitioner",
            "PractitionerRole", BASE + "no-basis-PractitionerRole",
            "Organization", BASE + "no-basis-Organization",
            "RelatedPerson", BASE + "no-basis-RelatedPerson",
            "Person", BASE + "no-basis-Person");

    /** The no-basis profile of a resource type, or null when no-basis has none. */
    public static String of(String resourceType) {
        return BY_TYPE.get(resourceType);
    }

    /** Adds the no-basis profile to each entry of the Bundle that has one (once). */
    public static void declare(Bundle bundle) {
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            Resource resource = entry.getResource();
            String profile = resource == null ? null : of(resource.fhirType());
            if (profile != null && !resource.getMeta().hasProfile(profile)) resource.getMeta().addProfile(profile);
        }
    }
}
