package no.samnav.gateway.pregnancy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.samnav.gateway.fhir.ApiAccess;
import no.samnav.gateway.fhir.FhirErrors;
import no.samnav.gateway.pregnancy.web.CardUser;
import no.samnav.gateway.registry.Service;
import no.samnav.gateway.security.ApiCaller;
import no.samnav.gateway.security.Scopes;
import no.samnav.mappers.pregnancy.AntenatalCheck;
import no.samnav.mappers.pregnancy.AntenatalCheckReader;
import no.samnav.mappers.pregnancy.AntenatalCheckWriter;
import no.samnav.mappers.pregnancy.Office;
import no.samnav.mappers.pregnancy.PregnancyCodes;
import no.samnav.mappers.pregnancy.SeenBy;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * {@code POST /fhir/EpisodeOfCare/{id}/$record-check}: a journal system that integrates directly
 * records an antenatal check, as the page does: a Bundle (collection) of the check's Encounter and
 * its Observations, in the shape the API serves them ({@code docs/mapping/pregnancy.md}). The person
 * (HPR) behind the token must be staff of the service; the office is the caller's office of the
 * service (or, for a client of several, the office key on {@code Encounter.serviceProvider}). The
 * answer is the stored check as the same Bundle; a wrong check is 422 with the FHIRPath of each
 * problem, and nothing is stored. The GP notice and the card's new version follow as from the page.
 */
public class PregnancyOperations {

    /** Where each problem of a check is, in the Bundle as sent. */
    private static final Map<String, String> LOCATIONS = Map.ofEntries(
            Map.entry("date", "Encounter.period.start"),
            Map.entry("gestationalAge", "Observation.where(code.coding.code='49051-6').valueQuantity"),
            Map.entry("office", "Encounter.serviceProvider"),
            Map.entry("seenBy", "Encounter.participant"),
            Map.entry("systolic", "Observation.where(code.coding.code='85354-9').component.where(code.coding.code='8480-6')"),
            Map.entry("diastolic", "Observation.where(code.coding.code='85354-9').component.where(code.coding.code='8462-4')"),
            Map.entry("weightKg", "Observation.where(code.coding.code='29463-7').valueQuantity"),
            Map.entry("haemoglobin", "Observation.where(code.coding.code='718-7').valueQuantity"),
            Map.entry("fundalHeightCm", "Observation.where(code.coding.code='11881-0').valueQuantity"),
            Map.entry("fetalHeartRate", "Observation.where(code.coding.code='55283-6').valueQuantity"));

    private final PregnancyRecords records;
    private final ApiAccess api;
    private final FhirContext fhir;

    public PregnancyOperations(PregnancyRecords records, ApiAccess api, FhirContext fhir) {
        this.records = records;
        this.api = api;
        this.fhir = fhir;
    }

    @Operation(name = "$record-check", type = EpisodeOfCare.class)
    public Bundle recordCheck(@IdParam IdType episode, @OperationParam(name = "check", min = 1, max = 1) Bundle check) {
        ApiCaller caller = api.require(Scopes.JOURNAL_WRITE);
        Service service = records.service();
        List<String> offices = api.participantIdsOf(caller).stream().filter(service.offices()::contains).toList();
        if (offices.isEmpty()) {
            throw new ForbiddenOperationException("Only the offices of " + service.name() + " record its checks");
        }
        Optional<Service.StaffMember> person = caller.hprNumber() == null ? Optional.empty()
                : service.staffMember(caller.hprNumber());
        if (person.isEmpty()) {
            throw new ForbiddenOperationException("The person behind the token (HPR) is not staff of " + service.name()
                    + " (staff in the cooperation file)");
        }
        PregnancyStore.Pregnancy pregnancy;
        try {
            pregnancy = records.pregnancyOf(episode.getIdPart());
        } catch (PregnancyRecords.NoSuchPregnancyException e) {
            throw new ResourceNotFoundException("There is no pregnancy EpisodeOfCare/" + episode.getIdPart());
        }
        Encounter encounter = null;
        List<Observation> observations = new ArrayList<>();
        for (Bundle.BundleEntryComponent e : check == null ? List.<Bundle.BundleEntryComponent>of() : check.getEntry()) {
            if (e.getResource() instanceof Encounter enc && encounter == null) encounter = enc;
            else if (e.getResource() instanceof Observation o) observations.add(o);
            else {
                throw FhirErrors.unprocessable(fhir, OperationOutcome.IssueType.STRUCTURE, "Bundle.entry",
                        "A check is one Encounter and its Observations");
            }
        }
        if (encounter == null) {
            throw FhirErrors.unprocessable(fhir, OperationOutcome.IssueType.REQUIRED, "Bundle.entry",
                    "A check needs its Encounter");
        }
        String office = office(encounter, offices);
        Service.Site site = service.site(office).orElseThrow(() -> FhirErrors.unprocessable(fhir,
                OperationOutcome.IssueType.VALUE, "Encounter.serviceProvider", "The office " + office + " has no site"));
        AntenatalCheck read = AntenatalCheckReader.read(encounter, observations);
        // the check is recorded by the person behind the token at her office, whatever the Encounter says
        AntenatalCheck entered = new AntenatalCheck(null, read.date(), read.gestationalAge(),
                new Office(site.office(), site.name()), new SeenBy(person.get().hpr(), person.get().name(),
                        person.get().role() == Service.Role.GP ? no.samnav.mappers.pregnancy.Clinician.GP
                                : no.samnav.mappers.pregnancy.Clinician.MIDWIFE),
                read.systolic(), read.diastolic(), read.weightKg(), read.haemoglobin(), read.urineProtein(),
                read.urineGlucose(), read.fundalHeightCm(), read.fetalHeartRate(), read.presentation(), read.oedema(),
                read.note());
        CardUser user = new CardUser(person.get().hpr(), person.get().name(), person.get().role(), service.id(),
                site.office(), site.name());
        PregnancyRecords.CheckOutcome outcome = records.addCheck(user, pregnancy.episodeId(), entered);
        if (!outcome.saved()) throw problems(outcome.problems());
        var written = AntenatalCheckWriter.write(outcome.check(), PregnancyRecords.patientRef(pregnancy.patientId(),
                pregnancy.displayName()), pregnancy.episodeId());
        Bundle answer = new Bundle().setType(Bundle.BundleType.COLLECTION);
        answer.addEntry().setFullUrl("Encounter/" + written.encounter().getIdElement().getIdPart())
                .setResource(written.encounter());
        for (Observation o : written.observations()) {
            answer.addEntry().setFullUrl("Observation/" + o.getIdElement().getIdPart()).setResource(o);
        }
        return answer;
    }

    /** The office the check took place at: the caller's only office of the service, or the one the Encounter names. */
    private String office(Encounter encounter, List<String> offices) {
        String named = encounter.getServiceProvider().getExtensionString(PregnancyCodes.OFFICE_KEY);
        if (named != null) {
            if (!offices.contains(named)) {
                throw FhirErrors.unprocessable(fhir, OperationOutcome.IssueType.VALUE, "Encounter.serviceProvider",
                        "The office '" + named + "' is not one this client acts for: " + offices);
            }
            return named;
        }
        if (offices.size() > 1) {
            throw FhirErrors.unprocessable(fhir, OperationOutcome.IssueType.REQUIRED, "Encounter.serviceProvider",
                    "This client acts for the offices " + offices + ": name the one of the check with the extension "
                            + PregnancyCodes.OFFICE_KEY);
        }
        return offices.get(0);
    }

    private UnprocessableEntityException problems(List<PregnancyRecords.Problem> problems) {
        OperationOutcome outcome = new OperationOutcome();
        for (PregnancyRecords.Problem p : problems) {
            OperationOutcome.OperationOutcomeIssueComponent issue = outcome.addIssue()
                    .setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(OperationOutcome.IssueType.VALUE)
                    .setDiagnostics(p.message());
            String where = LOCATIONS.get(p.field());
            if (where != null) issue.addExpression(where);
        }
        return new UnprocessableEntityException(fhir, outcome);
    }
}
