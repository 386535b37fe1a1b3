package no.samnav.gateway.journal;

import ca.uhn.fhir.context.FhirContext;
import java.time.Clock;
import java.util.List;
import no.samnav.gateway.fhir.ApiAccess;
import no.samnav.gateway.flow.RegistryHolder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The shared journal: its settings, access policy and the FHIR providers the FHIR API serves it with. */
@Configuration
@EnableConfigurationProperties(JournalSettings.class)
public class JournalConfiguration {

    /** The FHIR providers of the shared journal, for the FHIR server to register. */
    public record FhirProviders(List<Object> resourceProviders, Object systemProvider) {
    }

    @Bean
    AccessPolicy accessPolicy(JournalCareFacts facts, JournalSettings settings) {
        return new AccessPolicy(facts, settings.careRelationshipWindow());
    }

    @Bean
    FhirProviders journalFhirProviders(JournalStore store, JournalAccess access, CareRecords records, AuditTrail audit,
            JournalProvision provision, JournalPublisher publisher, ApiAccess api, RegistryHolder registry, JournalSettings settings, Clock clock,
            FhirContext fhir) {
        return new FhirProviders(List.of(
                new DocumentReferenceProvider(store, access, fhir, settings.maxSearchResults()),
                new JournalBinaryProvider(store, access, publisher),
                new AuditEventProvider(audit, api),
                new ConsentProvider(records, access, fhir, clock),
                new EpisodeOfCareProvider(records, api, registry, fhir, clock)),
                new JournalOperations(provision, access, records, audit, api, settings, clock, fhir));
    }
}
