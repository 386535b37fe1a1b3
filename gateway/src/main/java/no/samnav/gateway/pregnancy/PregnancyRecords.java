package no.samnav.gateway.pregnancy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import no.samnav.gateway.flow.RegistryHolder;
import no.samnav.gateway.journal.AccessPolicy;
import no.samnav.gateway.journal.AuditTrail;
import no.samnav.gateway.journal.CareRecords;
import no.samnav.gateway.pregnancy.web.CardUser;
import no.samnav.gateway.registry.Service;
import no.samnav.mappers.identifiers.NorwegianIds;
import no.samnav.mappers.pregnancy.AntenatalCheck;
import no.samnav.mappers.pregnancy.AntenatalCheckReader;
import no.samnav.mappers.pregnancy.AntenatalCheckWriter;
import no.samnav.mappers.pregnancy.BackgroundResources;
import no.samnav.mappers.pregnancy.CheckProblem;
import no.samnav.mappers.pregnancy.CheckResources;
import no.samnav.mappers.pregnancy.PatientRef;
import no.samnav.mappers.pregnancy.PregnancyEpisodes;
import no.samnav.mappers.pregnancy.PregnancyBackground;
import no.samnav.mappers.pregnancy.PregnancyBackgroundReader;
import no.samnav.mappers.pregnancy.PregnancyBackgroundWriter;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The midwife service's pregnancy records: opening a pregnancy (an episode of the service, which
 * gives its offices a care relationship), the background, the antenatal checks, and the woman's
 * consent to share the card. Every change publishes a new version of the card to the shared journal
 * when she has consented, and a check beyond the GP thresholds sends her GP a Dialogmelding.
 */
@org.springframework.stereotype.Service
public class PregnancyRecords {

    /** Norwegian time: the dates of checks and "today" are local dates. */
    public static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    private static final List<String> BACKGROUND_TYPES = List.of("Observation", "MedicationStatement",
            "AllergyIntolerance", "Condition");

    /** What the midwife gives when she opens a pregnancy. */
    public record NewPregnancy(String fnr, String familyName, String givenNames, LocalDate termDate,
            String servingMunicipality, PregnancyStore.Consent consent) {
    }

    /** A problem with what was entered: the form field and a message in bokmål. */
    public record Problem(String field, String message) {
    }

    /** Thrown when a request names no pregnancy of the service. */
    public static final class NoSuchPregnancyException extends RuntimeException {
        public NoSuchPregnancyException() {
            super("There is no such pregnancy in the service's records");
        }
    }

    /** The outcome of recording a check: its problems, or the stored check and what followed. */
    public record CheckOutcome(List<Problem> problems, AntenatalCheck check, List<String> findings,
            String gpNoticeMessageId, String gpNoticeRefusal) {
        public boolean saved() {
            return problems.isEmpty();
        }
    }

    /** A whole record as the card shows it. */
    public record Card(PregnancyStore.Pregnancy pregnancy, PregnancyBackground background, List<Check> checks,
            List<CareRecords.LinkedMessage> linkedMessages) {
    }

    /** A check with its stored columns. */
    public record Check(AntenatalCheck check, PregnancyStore.CheckRow row) {
    }

    private final PregnancyStore store;
    private final CareRecords care;
    private final RegistryHolder registry;
    private final PregnancySettings settings;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;
    private final FhirContext fhir;
    private final Clock clock;
    private final PregnancyCardPublisher cards;
    private final GpNotices notices;

    public PregnancyRecords(PregnancyStore store, CareRecords care, RegistryHolder registry, PregnancySettings settings,
            TransactionTemplate transactions, AuditTrail audit, FhirContext fhir, Clock clock,
            PregnancyCardPublisher cards, GpNotices notices) {
        this.store = store;
        this.care = care;
        this.registry = registry;
        this.settings = settings;
        this.transactions = transactions;
        this.audit = audit;
        this.fhir = fhir;
        this.clock = clock;
        this.cards = cards;
        this.notices = notices;
    }

    /** The service whose records these are, as configured now. */
    public Service service() {
        return registry.current().service(settings.service()).orElseThrow(() -> new IllegalStateException(
                "samnav.pregnancy.service '" + settings.service() + "' is no service of the cooperation file"));
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(OSLO));
    }

    public List<PregnancyStore.Pregnancy> active() {
        return store.ofService(service().id(), true);
    }

    /** The outcome of opening a pregnancy: its problems, or the new episode's id. */
    public record Opened(List<Problem> problems, String episodeId) {
    }

    /** Opens a pregnancy; its problems when the entries are wrong. */
    public Opened open(CardUser user, NewPregnancy p) {
        List<Problem> problems = new ArrayList<>();
        Service service = service();
        if (p.fnr() == null || !NorwegianIds.isValidPersonNumber(p.fnr().strip())) {
            problems.add(new Problem("fnr", "Fødselsnummeret må ha 11 siffer med gyldige kontrollsiffer"));
        }
        if (blank(p.familyName())) problems.add(new Problem("familyName", "Skriv etternavnet"));
        if (blank(p.givenNames())) problems.add(new Problem("givenNames", "Skriv fornavnet"));
        LocalDate today = today();
        if (p.termDate() == null) {
            problems.add(new Problem("termDate", "Skriv termindatoen (dd.mm.åååå)"));
        } else if (p.termDate().isBefore(today.minusWeeks(6)) || p.termDate().isAfter(today.plusWeeks(44))) {
            problems.add(new Problem("termDate", "Termindatoen må ligge mellom 6 uker tilbake og 44 uker fram i tid"));
        }
        if (p.servingMunicipality() == null || !service.serves().contains(p.servingMunicipality())) {
            problems.add(new Problem("servingMunicipality", "Velg kommunen hun bor i: " + String.join(" eller ", service.serves())));
        }
        if (p.consent() == null) problems.add(new Problem("consent", "Velg om hun samtykker til deling"));
        if (problems.isEmpty() && !store.activeOf(p.fnr().strip()).isEmpty()) {
            problems.add(new Problem("fnr", "Hun har allerede et åpent svangerskap i tjenesten"));
        }
        if (!problems.isEmpty()) return new Opened(problems, null);
        Instant now = now();
        String fnr = p.fnr().strip();
        String episodeId = transactions.execute(tx -> {
            CareRecords.Episode episode = care.openEpisode(fnr, service.id(), "pregnancy", now, service.provider(),
                    p.servingMunicipality(), user.office());
            store.insert(new PregnancyStore.Pregnancy(episode.id(), fnr, p.familyName().strip(), p.givenNames().strip(),
                    p.servingMunicipality(), service.provider(), p.termDate(), p.consent(), now, null, 0, now, now, "active"));
            PatientRef patient = patientRef(fnr, p.givenNames().strip() + " " + p.familyName().strip());
            writeBackground(episode.id(), patient,
                    new PregnancyBackground(p.termDate(), null, null, null, null, List.of(), List.of(), List.of()), now);
            put(episode.id(), PregnancyEpisodes.episode(episode.id(), patient, service.herIds().get(0), true, now, null,
                    service.provider(), p.servingMunicipality()), now);
            put(episode.id(), PregnancyEpisodes.sharingConsent(consentId(episode.id()), patient, episode.id(),
                    p.consent().code(), now, service.herIds().get(0)), now);
            return episode.id();
        });
        cards.publishIfShared(load(pregnancyOf(episodeId)));
        return new Opened(List.of(), episodeId);
    }

    /** The whole record, and an audit record of the reading (the woman sees who read her card). */
    public Card card(CardUser user, String episodeId) {
        PregnancyStore.Pregnancy p = pregnancyOf(episodeId);
        audit.record(AuditTrail.Action.READ, reader(user), p.patientId(), List.of(),
                new AccessPolicy.Decision(AccessPolicy.Basis.CARE_EPISODE, null, null));
        return load(p);
    }

    /** The record without an audit record: for the card the gateway itself renders and publishes. */
    Card load(PregnancyStore.Pregnancy p) {
        Map<String, List<Observation>> observations = new LinkedHashMap<>();
        Map<String, Encounter> encounters = new LinkedHashMap<>();
        List<Observation> backgroundObservations = new ArrayList<>();
        List<MedicationStatement> medications = new ArrayList<>();
        List<AllergyIntolerance> allergies = new ArrayList<>();
        List<Condition> conditions = new ArrayList<>();
        IParser parser = fhir.newJsonParser();
        for (PregnancyStore.StoredResource r : store.resources(p.episodeId())) {
            Resource resource = (Resource) parser.parseResource(r.json());
            if (r.checkId() != null) {
                if (resource instanceof Encounter e) encounters.put(r.checkId(), e);
                else if (resource instanceof Observation o) observations.computeIfAbsent(r.checkId(), k -> new ArrayList<>()).add(o);
            } else if (resource instanceof Observation o) backgroundObservations.add(o);
            else if (resource instanceof MedicationStatement m) medications.add(m);
            else if (resource instanceof AllergyIntolerance a) allergies.add(a);
            else if (resource instanceof Condition c) conditions.add(c);
        }
        PregnancyBackground background = PregnancyBackgroundReader.read(
                new BackgroundResources(backgroundObservations, medications, allergies, conditions));
        List<Check> checks = new ArrayList<>();
        for (PregnancyStore.CheckRow row : store.checks(p.episodeId())) {
            Encounter e = encounters.get(row.id());
            if (e == null) continue;
            checks.add(new Check(AntenatalCheckReader.read(e, observations.getOrDefault(row.id(), List.of())), row));
        }
        return new Card(p, background, checks, care.linkedMessages(p.episodeId()));
    }

    /** Records a check the logged-in person made at her office today (or on the date given). */
    public CheckOutcome addCheck(CardUser user, String episodeId, AntenatalCheck entered) {
        PregnancyStore.Pregnancy p = pregnancyOf(episodeId);
        List<Problem> problems = new ArrayList<>();
        for (CheckProblem cp : entered.problems(today())) problems.add(new Problem(cp.field(), cp.message()));
        if (!p.active()) problems.add(new Problem("date", "Svangerskapet er avsluttet; nye kontroller føres ikke"));
        if (!problems.isEmpty()) return new CheckOutcome(problems, entered, List.of(), null, null);
        Service service = service();
        Service.Site site = service.site(user.office()).orElseThrow(() -> new IllegalStateException(
                "office " + user.office() + " has no site in the cooperation file"));
        AntenatalCheck check = entered.withId(UUID.randomUUID().toString());
        CheckResources resources = AntenatalCheckWriter.write(check, patientRef(p.patientId(), p.displayName()), episodeId);
        Instant now = now();
        IParser parser = fhir.newJsonParser();
        transactions.executeWithoutResult(tx -> {
            store.insertCheck(new PregnancyStore.CheckRow(check.id(), episodeId, check.date(), site.office(),
                    site.municipality(), user.hpr(), user.role().key(), now, null));
            store.putResource(episodeId, check.id(), "Encounter", resources.encounter().getIdElement().getIdPart(),
                    parser.encodeResourceToString(resources.encounter()), now);
            for (Observation o : resources.observations()) {
                store.putResource(episodeId, check.id(), "Observation", o.getIdElement().getIdPart(),
                        parser.encodeResourceToString(o), now);
            }
            store.touch(episodeId, now);
        });
        GpNotices.Result notice = notices.afterCheck(p, check, service);
        if (notice.messageId() != null) {
            store.gpNoticeSent(check.id(), notice.messageId());
            care.linkMessage(episodeId, notice.messageId(), "gp-notice", null, now);
        }
        cards.publishIfShared(load(pregnancyOf(episodeId)));
        return new CheckOutcome(List.of(), check, notice.findings(), notice.messageId(), notice.refusal());
    }

    /** Replaces the background (term date, earlier pregnancies, history, medication, allergies, risks). */
    public List<Problem> updateBackground(CardUser user, String episodeId, PregnancyBackground background) {
        PregnancyStore.Pregnancy p = pregnancyOf(episodeId);
        List<Problem> problems = new ArrayList<>();
        if (background.termDate() == null) problems.add(new Problem("termDate", "Skriv termindatoen (dd.mm.åååå)"));
        if (background.gravida() != null && (background.gravida() < 1 || background.gravida() > 30)) {
            problems.add(new Problem("gravida", "Gravida er antall svangerskap medregnet dette, 1–30"));
        }
        if (background.para() != null && background.para() < 0
                || background.para() != null && background.gravida() != null && background.para() >= background.gravida()) {
            problems.add(new Problem("para", "Para er antall fødsler før dette svangerskapet, mindre enn gravida"));
        }
        if (!problems.isEmpty()) return problems;
        Instant now = now();
        transactions.executeWithoutResult(tx -> {
            store.deleteBackground(episodeId, BACKGROUND_TYPES);
            writeBackground(episodeId, patientRef(p.patientId(), p.displayName()), background, now);
            store.updateTermDate(episodeId, background.termDate(), now);
        });
        cards.publishIfShared(load(pregnancyOf(episodeId)));
        return List.of();
    }

    /** Records the woman's consent to share the card (or its withdrawal). */
    public void setConsent(CardUser user, String episodeId, PregnancyStore.Consent consent) {
        PregnancyStore.Pregnancy p = pregnancyOf(episodeId);
        Instant now = now();
        transactions.executeWithoutResult(tx -> {
            store.updateConsent(episodeId, consent, now);
            put(episodeId, PregnancyEpisodes.sharingConsent(consentId(episodeId), patientRef(p.patientId(), p.displayName()),
                    episodeId, consent.code(), now, service().herIds().get(0)), now);
        });
        if (consent == PregnancyStore.Consent.GIVEN) cards.publishIfShared(load(pregnancyOf(episodeId)));
        else cards.withdraw(episodeId);
    }

    /** Ends the pregnancy episode (after the birth, or when it ends otherwise). */
    public void finish(CardUser user, String episodeId) {
        PregnancyStore.Pregnancy p = pregnancyOf(episodeId);
        Instant now = now();
        Service service = service();
        transactions.executeWithoutResult(tx -> {
            care.finishEpisode(episodeId, now);
            put(episodeId, PregnancyEpisodes.episode(episodeId, patientRef(p.patientId(), p.displayName()),
                    service.herIds().get(0), false, p.createdAt(), now, p.employingMunicipality(),
                    p.servingMunicipality()), now);
        });
    }

    private void put(String episodeId, Resource resource, Instant now) {
        store.putResource(episodeId, null, resource.fhirType(), resource.getIdElement().getIdPart(),
                fhir.newJsonParser().encodeResourceToString(resource), now);
    }

    /** The id of the Consent resource of a pregnancy's sharing consent. */
    static String consentId(String episodeId) {
        return "sharing-" + episodeId;
    }

    private void writeBackground(String episodeId, PatientRef patient, PregnancyBackground background, Instant now) {
        BackgroundResources r = PregnancyBackgroundWriter.write(background, patient, episodeId);
        IParser parser = fhir.newJsonParser();
        List<Resource> all = new ArrayList<>();
        all.addAll(r.observations());
        all.addAll(r.medications());
        all.addAll(r.allergies());
        all.addAll(r.conditions());
        for (Resource res : all) {
            store.putResource(episodeId, null, res.fhirType(), res.getIdElement().getIdPart(),
                    parser.encodeResourceToString(res), now);
        }
    }

    /** The pregnancy, when it is one of the configured service's. */
    public PregnancyStore.Pregnancy pregnancyOf(String episodeId) {
        Optional<CareRecords.Episode> episode = episodeId == null ? Optional.empty() : care.episode(episodeId);
        if (episode.isEmpty() || !episode.get().service().equals(service().id())) throw new NoSuchPregnancyException();
        return store.byEpisode(episodeId).orElseThrow(NoSuchPregnancyException::new);
    }

    /** The reader of the audit trail: the person and the offices of her service. */
    AccessPolicy.Reader reader(CardUser user) {
        return new AccessPolicy.Reader("samnav-helsekort", user.hpr(), service().offices());
    }

    static PatientRef patientRef(String fnr, String name) {
        return NorwegianIds.isDNumber(fnr) ? new PatientRef(no.samnav.mappers.fhir.Systems.DNR, fnr, name)
                : PatientRef.fnr(fnr, name);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
