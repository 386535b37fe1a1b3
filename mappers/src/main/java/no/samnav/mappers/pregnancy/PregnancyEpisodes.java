package no.samnav.mappers.pregnancy;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import no.samnav.mappers.fhir.Systems;
import no.samnav.mappers.journal.JournalExtensions;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.HealthcareService;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/**
 * The pregnancy as the service's episode of care, the service itself, and the woman's consent to
 * share her card: the resources around the checks. The employing municipality is the service's
 * provider; the serving municipality, where she lives, is an extension of the episode (the
 * extension the shared journal's documents carry), since DOMAIN.md asks to record both and no
 * element of EpisodeOfCare says which municipality is served.
 */
public final class PregnancyEpisodes {

    /** The consent's policy: opting in to sharing (v3 ActCode OPTIN) or out of it (OPTOUT). */
    static final String OPT_IN = "OPTIN";
    static final String OPT_OUT = "OPTOUT";
    /** SNOMED CT 77386006 Pregnancy: the episode's type. */
    static final String PREGNANCY = "77386006";
    /** Employing municipality on the episode (the service's provider). */
    public static final String EMPLOYING_MUNICIPALITY = PregnancyCodes.EMPLOYING_MUNICIPALITY;

    private PregnancyEpisodes() {
    }

    /**
     * The service that runs the episodes.
     *
     * @param serviceId  its id in the cooperation file (the resource id)
     * @param herId      its HER-id
     * @param name       its name
     * @param provider   the municipality that provides (employs) it
     * @param serves     the municipalities it serves
     */
    public static HealthcareService service(String serviceId, String herId, String name, String provider, List<String> serves) {
        HealthcareService s = new HealthcareService();
        s.setId(serviceId);
        s.addIdentifier(new Identifier().setSystem(Systems.HER).setValue(herId));
        s.setActive(true);
        s.setName(name);
        s.setProvidedBy(new Reference().setType("Organization").setDisplay(provider + " kommune"));
        s.addType(new CodeableConcept(new Coding(PregnancyCodes.SNOMED, "310198008", "Midwifery service")).setText("Jordmortjeneste"));
        for (String m : serves) s.addCoverageArea(new Reference().setType("Location").setDisplay(m));
        return s;
    }

    /**
     * A pregnancy as an episode of the service.
     *
     * @param episodeId   the episode's id
     * @param patient     the woman
     * @param serviceHerId the service's HER-id (the managing organisation, and the HealthcareService's identifier)
     * @param active      whether it is open
     * @param start       when it was opened
     * @param end         when it ended, or null
     * @param employing   the employing municipality
     * @param serving     the municipality she lives in
     */
    public static EpisodeOfCare episode(String episodeId, PatientRef patient, String serviceHerId, boolean active, Instant start, Instant end, String employing, String serving) {
        EpisodeOfCare e = new EpisodeOfCare();
        e.setId(episodeId);
        e.setStatus(active ? EpisodeOfCare.EpisodeOfCareStatus.ACTIVE : EpisodeOfCare.EpisodeOfCareStatus.FINISHED);
        e.addType(new CodeableConcept(new Coding(PregnancyCodes.SNOMED, PREGNANCY, "Pregnancy")).setText("Svangerskap"));
        e.setPatient(patient.reference());
        e.setManagingOrganization(new Reference().setType("Organization")
                .setIdentifier(new Identifier().setSystem(Systems.HER).setValue(serviceHerId)));
        e.getPeriod().setStart(Date.from(start));
        if (end != null) e.getPeriod().setEnd(Date.from(end));
        e.addExtension(EMPLOYING_MUNICIPALITY, new StringType(employing));
        e.addExtension(JournalExtensions.SERVING_MUNICIPALITY, new StringType(serving));
        return e;
    }

    /**
     * Her consent to share the card beyond the midwife service and her GP: active with a permit
     * while given; a deny when she said no; inactive once withdrawn.
     *
     * @param consentId   the resource id
     * @param patient     the woman
     * @param episodeId   the pregnancy
     * @param state       {@code given}, {@code not-given} or {@code withdrawn}
     * @param recorded    when it was recorded
     * @param serviceHerId the service that recorded it
     */
    public static Consent sharingConsent(String consentId, PatientRef patient, String episodeId, String state,
            Instant recorded, String serviceHerId) {
        boolean given = "given".equals(state);
        Consent c = new Consent();
        c.setId(consentId);
        c.setStatus("withdrawn".equals(state) ? Consent.ConsentState.INACTIVE : Consent.ConsentState.ACTIVE);
        c.setScope(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/consentscope", "patient-privacy",
                "Privacy Consent")));
        c.addCategory(new CodeableConcept(new Coding(PregnancyCodes.LOINC, "59284-0", "Patient Consent"))
                .setText("Deling av helsekort for gravide"));
        c.setPatient(patient.reference());
        c.setDateTime(Date.from(recorded));
        c.addOrganization(new Reference().setType("Organization")
                .setIdentifier(new Identifier().setSystem(Systems.HER).setValue(serviceHerId)));
        c.setPolicyRule(new CodeableConcept(new Coding(PregnancyCodes.ACT_CODE, given ? OPT_IN : OPT_OUT,
                given ? "opt-in" : "opt-out")));
        var p = c.getProvision();
        p.setType(given ? Consent.ConsentProvisionType.PERMIT : Consent.ConsentProvisionType.DENY);
        p.addPurpose(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActReason", "TREAT", "treatment"));
        p.addData().setMeaning(Consent.ConsentDataMeaning.RELATED).setReference(new Reference("EpisodeOfCare/" + episodeId));
        return c;
    }
}
