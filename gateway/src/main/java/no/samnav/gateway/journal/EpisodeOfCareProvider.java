package no.samnav.gateway.journal;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import no.samnav.gateway.fhir.ApiAccess;
import no.samnav.gateway.fhir.FhirErrors;
import no.samnav.gateway.flow.RegistryHolder;
import no.samnav.gateway.registry.Service;
import no.samnav.gateway.security.Scopes;
import no.samnav.mappers.fhir.Systems;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * Episodes of care a service runs (the midwife service's pregnancy episodes): opening one gives the
 * service's offices a care relationship with the patient until it is finished. The managing
 * organisation is the service, by its HER-id; only a client acting for one of its offices opens or
 * finishes it.
 */
public class EpisodeOfCareProvider implements IResourceProvider {

    private final CareRecords records;
    private final ApiAccess api;
    private final RegistryHolder registry;
    private final FhirContext fhir;
    private final Clock clock;

    public EpisodeOfCareProvider(CareRecords records, ApiAccess api, RegistryHolder registry, FhirContext fhir,
            Clock clock) {
        this.records = records;
        this.api = api;
        this.registry = registry;
        this.fhir = fhir;
        this.clock = clock;
    }

    @Override
    public Class<EpisodeOfCare> getResourceType() {
        return EpisodeOfCare.class;
    }

    @Create
    public MethodOutcome create(@ResourceParam EpisodeOfCare episode) {
        var caller = api.require(Scopes.JOURNAL_WRITE);
        if (episode.getStatus() != EpisodeOfCare.EpisodeOfCareStatus.ACTIVE) {
            throw FhirErrors.unprocessable(fhir, OperationOutcome.IssueType.VALUE, "EpisodeOfCare.status",
                    "A new episode is active");
        }
        String patientId = PatientIdentifiers.require(fhir, episode.getPatient().getIdentifier(), false,
                "EpisodeOfCare.patient.identifier");
        var managing = episode.getManagingOrganization().getIdentifier();
        Service service = managing == null || managing.getValue() == null ? null : registry.current().services().stream()
                .filter(s -> s.herIds().contains(managing.getValue())).findFirst().orElse(null);
        if (service == null) {
            throw FhirErrors.unprocessable(fhir, OperationOutcome.IssueType.VALUE,
                    "EpisodeOfCare.managingOrganization.identifier", "The managing organisation is a service of the"
                            + " cooperation, by its HER-id (" + Systems.HER + ")");
        }
        if (api.participantIdsOf(caller).stream().noneMatch(service.offices()::contains)) {
            throw new ForbiddenOperationException("Only the offices of " + service.name() + " open its episodes");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant start = episode.getPeriod().hasStart() ? episode.getPeriod().getStart().toInstant() : now;
        String kind = episode.getTypeFirstRep().getCodingFirstRep().getCode();
        CareRecords.Episode opened = records.openEpisode(patientId, service.id(),
                kind == null ? "episode" : kind, start, service.provider(),
                String.join(",", service.serves()), String.join(",", api.participantIdsOf(caller)));
        episode.setId(opened.id());
        return new MethodOutcome(new IdType("EpisodeOfCare", opened.id()), true).setResource(episode);
    }

    /** Finishes an episode: the same EpisodeOfCare with status {@code finished}. */
    @Update
    public MethodOutcome update(@IdParam IdType id, @ResourceParam EpisodeOfCare episode) {
        var caller = api.require(Scopes.JOURNAL_WRITE);
        CareRecords.Episode stored = records.episode(id.getIdPart()).orElseThrow(() ->
                new ResourceNotFoundException("There is no EpisodeOfCare/" + id.getIdPart()));
        Service service = registry.current().service(stored.service()).orElseThrow();
        if (api.participantIdsOf(caller).stream().noneMatch(service.offices()::contains)) {
            throw new ForbiddenOperationException("Only the offices of " + service.name() + " finish its episodes");
        }
        if (episode.getStatus() != EpisodeOfCare.EpisodeOfCareStatus.FINISHED) {
            throw FhirErrors.unprocessable(fhir, OperationOutcome.IssueType.VALUE, "EpisodeOfCare.status",
                    "An episode changes here only by being finished (status finished)");
        }
        Instant end = episode.getPeriod().hasEnd() ? episode.getPeriod().getEnd().toInstant()
                : clock.instant().truncatedTo(ChronoUnit.MICROS);
        records.finishEpisode(stored.id(), end);
        episode.setId(stored.id());
        return new MethodOutcome(new IdType("EpisodeOfCare", stored.id()), false).setResource(episode);
    }
}
