package no.samnav.gateway.pregnancy;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import no.samnav.gateway.fhir.ApiAccess;
import no.samnav.gateway.flow.RegistryHolder;
import no.samnav.gateway.journal.JournalAccess;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The pregnancy record: its settings and the FHIR providers the FHIR API serves it with. */
@Configuration
@EnableConfigurationProperties(PregnancySettings.class)
public class PregnancyConfiguration {

    /** The FHIR providers of the pregnancy record, for the FHIR server to register. */
    public record FhirProviders(List<Object> resourceProviders) {
    }

    @Bean
    FhirProviders pregnancyFhirProviders(PregnancyStore store, PregnancyRecords records, JournalAccess access,
            RegistryHolder registry, FhirContext fhir, ApiAccess api) {
        return new FhirProviders(List.of(
                new PregnancyResourceProvider<>(Encounter.class, store, records, access, registry, fhir),
                new PregnancyResourceProvider<>(Observation.class, store, records, access, registry, fhir),
                new PregnancyResourceProvider<>(Condition.class, store, records, access, registry, fhir),
                new PregnancyResourceProvider<>(AllergyIntolerance.class, store, records, access, registry, fhir),
                new PregnancyResourceProvider<>(MedicationStatement.class, store, records, access, registry, fhir),
                new PregnancyResourceProvider<>(EpisodeOfCare.class, store, records, access, registry, fhir),
                new PregnancyResourceProvider<>(Consent.class, store, records, access, registry, fhir),
                new HealthcareServiceProvider(registry, api),
                new PregnancyOperations(records, api, fhir)));
    }
}
