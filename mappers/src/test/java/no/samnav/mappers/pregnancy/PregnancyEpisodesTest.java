package no.samnav.mappers.pregnancy;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import no.samnav.mappers.journal.JournalExtensions;
import no.samnav.mappers.validation.FhirValidation;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;

class PregnancyEpisodesTest {

    static final PatientRef PATIENT = PatientRef.fnr("03038512314", "Ingrid Fjellheim");
    static final Instant OPENED = Instant.parse("2026-09-01T08:00:00Z");

    @Test
    void theEpisodeRecordsTheEmployingAndTheServingMunicipality() {
        EpisodeOfCare e = PregnancyEpisodes.episode("ep-1", PATIENT, "8100240", true, OPENED, null,
                "Balsfjord", "Storfjord");
        assertThat(e.getStatus()).isEqualTo(EpisodeOfCare.EpisodeOfCareStatus.ACTIVE);
        assertThat(((StringType) e.getExtensionByUrl(PregnancyEpisodes.EMPLOYING_MUNICIPALITY).getValue()).getValue())
                .isEqualTo("Balsfjord");
        assertThat(((StringType) e.getExtensionByUrl(JournalExtensions.SERVING_MUNICIPALITY).getValue()).getValue())
                .isEqualTo("Storfjord");
        assertThat(e.getManagingOrganization().getIdentifier().getValue()).isEqualTo("8100240");
        assertThat(e.getPatient().getIdentifier().getValue()).isEqualTo("03038512314");
        EpisodeOfCare ended = PregnancyEpisodes.episode("ep-1", PATIENT, "8100240", false, OPENED,
                OPENED.plusSeconds(86_400 * 200L), "Balsfjord", "Storfjord");
        assertThat(ended.getStatus()).isEqualTo(EpisodeOfCare.EpisodeOfCareStatus.FINISHED);
        assertThat(ended.getPeriod().hasEnd()).isTrue();
    }

    @Test
    void theConsentPermitsWhileGivenDeniesWhenRefusedAndIsInactiveOnceWithdrawn() {
        Consent given = PregnancyEpisodes.sharingConsent("c-1", PATIENT, "ep-1", "given", OPENED, "8100240");
        assertThat(given.getStatus()).isEqualTo(Consent.ConsentState.ACTIVE);
        assertThat(given.getProvision().getType()).isEqualTo(Consent.ConsentProvisionType.PERMIT);
        assertThat(given.getProvision().getDataFirstRep().getReference().getReference()).isEqualTo("EpisodeOfCare/ep-1");
        Consent refused = PregnancyEpisodes.sharingConsent("c-1", PATIENT, "ep-1", "not-given", OPENED, "8100240");
        assertThat(refused.getStatus()).isEqualTo(Consent.ConsentState.ACTIVE);
        assertThat(refused.getProvision().getType()).isEqualTo(Consent.ConsentProvisionType.DENY);
        Consent withdrawn = PregnancyEpisodes.sharingConsent("c-1", PATIENT, "ep-1", "withdrawn", OPENED, "8100240");
        assertThat(withdrawn.getStatus()).isEqualTo(Consent.ConsentState.INACTIVE);
        assertThat(withdrawn.getProvision().getType()).isEqualTo(Consent.ConsentProvisionType.DENY);
    }

    @Test
    void everyResourceIsValidR4() {
        FhirValidation validation = new FhirValidation(FhirContext.forR4());
        List<Resource> resources = List.of(
                PregnancyEpisodes.service("jordmor", "8100240", "Jordmortjenesten", "Balsfjord", List.of("Balsfjord", "Storfjord")),
                PregnancyEpisodes.episode("ep-1", PATIENT, "8100240", true, OPENED, null, "Balsfjord", "Storfjord"),
                PregnancyEpisodes.sharingConsent("c-1", PATIENT, "ep-1", "given", OPENED, "8100240"),
                PregnancyEpisodes.sharingConsent("c-2", PATIENT, "ep-1", "withdrawn", OPENED, "8100240"));
        List<String> errors = new ArrayList<>();
        for (Resource r : resources) for (String e : validation.errors(r)) errors.add(r.fhirType() + " " + e);
        assertThat(errors).isEmpty();
    }
}
