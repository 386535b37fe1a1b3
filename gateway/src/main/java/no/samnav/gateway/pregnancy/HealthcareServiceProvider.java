package no.samnav.gateway.pregnancy;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import no.samnav.gateway.fhir.ApiAccess;
import no.samnav.gateway.flow.RegistryHolder;
import no.samnav.gateway.registry.Service;
import no.samnav.gateway.security.Scopes;
import no.samnav.mappers.pregnancy.PregnancyEpisodes;
import org.hl7.fhir.r4.model.HealthcareService;
import org.hl7.fhir.r4.model.IdType;

/**
 * The cooperation's services as {@code HealthcareService} (the midwife service that manages the
 * pregnancies, provided by one municipality and serving several), as the cooperation file says them.
 * No patient data: any caller of the shared journal may read them.
 */
public class HealthcareServiceProvider implements IResourceProvider {

    private final RegistryHolder registry;
    private final ApiAccess api;

    public HealthcareServiceProvider(RegistryHolder registry, ApiAccess api) {
        this.registry = registry;
        this.api = api;
    }

    @Override
    public Class<HealthcareService> getResourceType() {
        return HealthcareService.class;
    }

    @Read
    public HealthcareService read(@IdParam IdType id) {
        api.require(Scopes.JOURNAL_READ);
        return registry.current().service(id.getIdPart()).map(HealthcareServiceProvider::resource)
                .orElseThrow(() -> new ResourceNotFoundException("There is no HealthcareService/" + id.getIdPart()));
    }

    @Search
    public List<HealthcareService> all() {
        api.require(Scopes.JOURNAL_READ);
        return registry.current().services().stream().map(HealthcareServiceProvider::resource).toList();
    }

    private static HealthcareService resource(Service s) {
        return PregnancyEpisodes.service(s.id(), s.herIds().get(0), s.name(), s.provider(), s.serves());
    }
}
