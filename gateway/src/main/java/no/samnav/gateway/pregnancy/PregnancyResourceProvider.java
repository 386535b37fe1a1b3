package no.samnav.gateway.pregnancy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.ArrayList;
import java.util.List;
import no.samnav.gateway.flow.RegistryHolder;
import no.samnav.gateway.journal.AccessPolicy;
import no.samnav.gateway.journal.AuditTrail;
import no.samnav.gateway.journal.JournalAccess;
import no.samnav.gateway.registry.GpList;
import no.samnav.gateway.security.Scopes;
import no.samnav.mappers.fhir.Systems;
import no.samnav.mappers.identifiers.NorwegianIds;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Resource;

/**
 * The pregnancy record over the FHIR API, for journal systems that integrate directly: read and
 * search ({@code patient.identifier}) of one resource type of the record. The record is the
 * midwife service's and her GP's: the service's offices and the GP office the woman is listed with
 * read it; with her consent to share, anyone the shared journal's access policy lets read her
 * documents does too. Every read and search is audited, denials included.
 *
 * @param <T> EpisodeOfCare, Encounter, Observation, Condition, AllergyIntolerance, MedicationStatement or Consent
 */
public class PregnancyResourceProvider<T extends Resource> implements IResourceProvider {

    private final Class<T> type;
    private final PregnancyStore store;
    private final PregnancyRecords records;
    private final JournalAccess access;
    private final RegistryHolder registry;
    private final FhirContext fhir;

    public PregnancyResourceProvider(Class<T> type, PregnancyStore store, PregnancyRecords records, JournalAccess access,
            RegistryHolder registry, FhirContext fhir) {
        this.type = type;
        this.store = store;
        this.records = records;
        this.access = access;
        this.registry = registry;
        this.fhir = fhir;
    }

    @Override
    public Class<T> getResourceType() {
        return type;
    }

    @Read
    public T read(@IdParam IdType id) {
        AccessPolicy.Reader reader = access.reader(Scopes.JOURNAL_READ);
        String typeName = fhir.getResourceType(type);
        PregnancyStore.StoredResource stored = store.resource(typeName, id.getIdPart()).orElseThrow(() ->
                new ResourceNotFoundException("There is no " + typeName + "/" + id.getIdPart()));
        String episode = store.episodeOf(typeName, id.getIdPart()).orElseThrow();
        PregnancyStore.Pregnancy p = store.byEpisode(episode).orElseThrow();
        AccessPolicy.Decision decision = decide(reader, p);
        if (!decision.allowed()) throw access.deny(AuditTrail.Action.READ, reader, p.patientId(), decision);
        access.allowed(AuditTrail.Action.READ, reader, p.patientId(), List.of(), decision);
        return fhir.newJsonParser().parseResource(type, stored.json());
    }

    /** The resources of this type in the woman's pregnancy records ({@code patient.identifier=system|value}). */
    @Search
    public List<T> search(@RequiredParam(name = "patient", chainWhitelist = {"identifier"}) ReferenceParam patient) {
        AccessPolicy.Reader reader = access.reader(Scopes.JOURNAL_READ);
        String patientId = patientIdentifier(patient);
        String typeName = fhir.getResourceType(type);
        List<PregnancyStore.Pregnancy> pregnancies = store.ofPatient(patientId);
        AccessPolicy.Decision decision = pregnancies.isEmpty() ? access.decide(reader, patientId)
                : decide(reader, pregnancies.get(pregnancies.size() - 1));
        if (!decision.allowed()) throw access.deny(AuditTrail.Action.SEARCH, reader, patientId, decision);
        List<T> found = new ArrayList<>();
        for (PregnancyStore.Pregnancy p : pregnancies) {
            for (PregnancyStore.StoredResource r : store.resources(p.episodeId())) {
                if (r.type().equals(typeName)) found.add(fhir.newJsonParser().parseResource(type, r.json()));
            }
        }
        access.allowed(AuditTrail.Action.SEARCH, reader, patientId, List.of(), decision);
        return found;
    }

    /** The service's offices and her GP office read the record; others only with her consent, by the shared policy. */
    private AccessPolicy.Decision decide(AccessPolicy.Reader reader, PregnancyStore.Pregnancy p) {
        if (reader.hprNumber() == null || reader.hprNumber().isBlank()) {
            return new AccessPolicy.Decision(null, AccessPolicy.Denial.NO_PERSON, null);
        }
        if (records.service().offices().stream().anyMatch(reader.participants()::contains)) {
            return new AccessPolicy.Decision(AccessPolicy.Basis.CARE_EPISODE, null, null);
        }
        String gpOffice = registry.current().gpList().listingOf(p.patientId()).map(GpList.Listing::office).orElse(null);
        if (gpOffice != null && reader.participants().contains(gpOffice)) {
            return new AccessPolicy.Decision(AccessPolicy.Basis.GP_OFFICE, null, null);
        }
        if (p.consent() == PregnancyStore.Consent.GIVEN) return access.decide(reader, p.patientId());
        return new AccessPolicy.Decision(null, AccessPolicy.Denial.NO_CARE_RELATIONSHIP, null);
    }

    private static String patientIdentifier(ReferenceParam patient) {
        String raw = patient.getValue();
        int bar = raw.indexOf('|');
        String system = bar < 0 ? null : raw.substring(0, bar);
        String value = bar < 0 ? raw : raw.substring(bar + 1);
        if (system != null && !system.isEmpty() && !Systems.FNR.equals(system) && !Systems.DNR.equals(system)) {
            throw new InvalidRequestException("patient.identifier: the system must be " + Systems.FNR + " or " + Systems.DNR);
        }
        if (!NorwegianIds.isValidPersonNumber(value)) {
            throw new InvalidRequestException("patient.identifier: the value is no valid fødselsnummer or D-nummer");
        }
        return value;
    }
}
