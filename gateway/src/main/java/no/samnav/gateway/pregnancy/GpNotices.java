package no.samnav.gateway.pregnancy;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.samnav.gateway.flow.IngestService;
import no.samnav.gateway.flow.RegistryHolder;
import no.samnav.gateway.registry.GpList;
import no.samnav.gateway.registry.Participant;
import no.samnav.gateway.registry.ParticipantRegistry;
import no.samnav.gateway.registry.Service;
import no.samnav.gateway.routes.ApiIngestProcessor;
import no.samnav.gateway.routes.ApiIngestRoute;
import no.samnav.mappers.identifiers.NorwegianIds;
import no.samnav.mappers.kodeverk.Sex;
import no.samnav.mappers.notice.ClinicalNotice;
import no.samnav.mappers.notice.NoticeNote;
import no.samnav.mappers.notice.NoticeParty;
import no.samnav.mappers.notice.NoticePatient;
import no.samnav.mappers.pregnancy.AntenatalCheck;
import no.samnav.mappers.pregnancy.DipstickResult;
import no.samnav.mappers.pregnancy.Finding;
import no.samnav.mappers.pregnancy.GpNotificationRules;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells the woman's GP when a check shows something the GP should see (the thresholds of
 * {@code samnav.pregnancy.gp-notice}): a Dialogmelding from the midwife's office to the GP's office,
 * entering the same ingest, route, translate and deliver path as any message, so the GP's system
 * gets it in its own Dialogmelding version and the GP's AppRec is recorded.
 */
@Component
public class GpNotices {

    private static final Logger log = LoggerFactory.getLogger(GpNotices.class);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    /** The findings of a check and the notice sent about them (or why none could be). */
    public record Result(List<String> findings, String messageId, String refusal) {
    }

    private final PregnancySettings settings;
    private final RegistryHolder registry;
    private final ProducerTemplate camel;
    private final Clock clock;

    public GpNotices(PregnancySettings settings, RegistryHolder registry, ProducerTemplate camel, Clock clock) {
        this.settings = settings;
        this.registry = registry;
        this.camel = camel;
        this.clock = clock;
    }

    /** The rules as configured. */
    public GpNotificationRules rules() {
        PregnancySettings.GpNotice n = settings.gpNotice();
        DipstickResult protein = java.util.Arrays.stream(DipstickResult.values())
                .filter(d -> d.display().equals(n.urineProtein()) || d.text().equals(n.urineProtein())
                        || d.name().equals(n.urineProtein())).findFirst()
                .orElseThrow(() -> new IllegalStateException("samnav.pregnancy.gp-notice.urine-protein is one of"
                        + " +, ++, +++, ++++ or Spor, not '" + n.urineProtein() + "'"));
        return new GpNotificationRules(n.systolic(), n.diastolic(), protein, n.haemoglobinBelow(), n.fetalHeartRateLow(),
                n.fetalHeartRateHigh());
    }

    /** Evaluates a stored check and sends the notice its findings call for. */
    Result afterCheck(PregnancyStore.Pregnancy p, AntenatalCheck check, Service service) {
        if (!settings.gpNotice().enabled()) return new Result(List.of(), null, null);
        List<String> findings = rules().evaluate(check).stream().map(Finding::text).toList();
        if (findings.isEmpty()) return new Result(findings, null, null);
        ParticipantRegistry participants = registry.current();
        Optional<GpList.Listing> listing = participants.gpList().listingOf(p.patientId());
        Optional<Participant> gpOffice = listing.flatMap(l -> participants.byId(l.office()));
        if (gpOffice.isEmpty()) {
            return new Result(findings, null, "Hun står ikke på fastlegelisten i samarbeidet: varsle fastlegen på annen måte.");
        }
        Participant from = participants.byId(check.office().key()).orElseThrow(() -> new IllegalStateException(
                "office " + check.office().key() + " is not a participant"));
        Optional<java.time.LocalDate> born = NorwegianIds.birthDate(p.patientId());
        if (born.isEmpty()) {
            return new Result(findings, null, "Fødselsnummeret gir ingen fødselsdato; varsle fastlegen på annen måte.");
        }
        String messageId = UUID.randomUUID().toString();
        String[] author = splitName(check.seenBy().name());
        ClinicalNotice notice = new ClinicalNotice(
                NoticeParty.sender(new NoticeParty.Unit(service.herIds().get(0), service.name()),
                        new NoticeParty.Unit(from.herIds().get(0), from.name()),
                        NoticeParty.Professional.author(check.seenBy().hpr(), author[1], author[0],
                                check.seenBy().clinician() == no.samnav.mappers.pregnancy.Clinician.GP ? "LE" : "JO",
                                check.seenBy().clinician().text())),
                NoticeParty.receiver(new NoticeParty.Unit(gpOffice.get().herIds().get(0), gpOffice.get().name()), null, null),
                new NoticePatient(p.patientId(), p.familyName(), p.givenNames(), born.get(), Sex.KVINNE),
                new NoticeNote("Svangerskapskontroll: funn som bør vurderes av fastlege", body(p, check, findings),
                        OffsetDateTime.now(clock.withZone(PregnancyRecords.OSLO)), messageId, UUID.randomUUID().toString()));
        Exchange done = camel.send(ApiIngestRoute.ENDPOINT, e -> e.getIn().setBody(
                new ApiIngestProcessor.Submission(from, notice.toBundle(), true)));
        if (done.getException() != null) {
            log.error("the GP notice about check {} could not be stored", check.id(), done.getException());
            return new Result(findings, null, "Varselet til fastlegen kunne ikke lagres; send det på annen måte.");
        }
        IngestService.Outcome outcome = done.getProperty(ApiIngestProcessor.OUTCOME_PROPERTY, IngestService.Outcome.class);
        log.info("GP notice {} about check {} sent to {}", outcome.messageId(), check.id(), gpOffice.get().id());
        return new Result(findings, outcome.messageId(), null);
    }

    private static String body(PregnancyStore.Pregnancy p, AntenatalCheck check, List<String> findings) {
        StringBuilder b = new StringBuilder();
        b.append("Svangerskapskontroll ").append(DATE.format(check.date())).append(" ved ").append(check.office().display());
        if (check.gestationalAge() != null) b.append(", svangerskapsuke ").append(check.gestationalAge());
        b.append(". Termin ").append(DATE.format(p.termDate())).append(".\n\nFunn over grensene for varsel til fastlege:\n");
        for (String f : findings) b.append("- ").append(f).append('\n');
        if (check.note() != null && !check.note().isBlank()) b.append("\nMerknad: ").append(check.note().strip()).append('\n');
        b.append("\nVennlig hilsen ").append(check.seenBy().name()).append(", ").append(check.seenBy().clinician().text().toLowerCase());
        return b.toString();
    }

    /** Given and family name of a display name ("Marte Jordmor (fiktiv)" → Marte, Jordmor (fiktiv)). */
    private static String[] splitName(String name) {
        String n = name.strip();
        int space = n.indexOf(' ');
        return space < 0 ? new String[] {n, n} : new String[] {n.substring(0, space), n.substring(space + 1)};
    }
}
