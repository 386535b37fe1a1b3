package no.samnav.gateway.console;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.samnav.gateway.flow.RegistryHolder;
import no.samnav.gateway.journal.AccessLogPage;
import no.samnav.gateway.journal.AuditTrail;
import no.samnav.gateway.journal.JournalStore;
import no.samnav.gateway.operator.ConflictException;
import no.samnav.gateway.operator.DeadLetterService;
import no.samnav.gateway.operator.NotFoundException;
import no.samnav.gateway.registry.Participant;
import no.samnav.gateway.store.MessageQuery;
import no.samnav.gateway.store.MessageStore;
import no.samnav.gateway.store.StoredMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operator console for municipal IT (Norwegian bokmål): the dashboard of the last hour and day,
 * message search, one message's detail, and the dead letters with resend. Thin: the message store,
 * the dead-letter service and the shared journal's audit trail do the work.
 */
@Controller
public class ConsoleController {

    private static final Logger log = LoggerFactory.getLogger(ConsoleController.class);
    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.uuuu HH:mm:ss").withZone(OSLO);

    private final ConsoleQueries queries;
    private final MessageStore store;
    private final DeadLetterService deadLetters;
    private final JournalStore journal;
    private final AuditTrail audit;
    private final RegistryHolder registry;
    private final MeterRegistry meters;
    private final HealthEndpoint health;
    private final Clock clock;
    private final CooperationEditing editing;
    private final ca.uhn.fhir.context.FhirContext fhir;

    public ConsoleController(ConsoleQueries queries, MessageStore store, DeadLetterService deadLetters, JournalStore journal,
            AuditTrail audit, RegistryHolder registry, MeterRegistry meters, HealthEndpoint health, Clock clock,
            CooperationEditing editing, ca.uhn.fhir.context.FhirContext fhir) {
        this.editing = editing;
        this.fhir = fhir;
        this.queries = queries;
        this.store = store;
        this.deadLetters = deadLetters;
        this.journal = journal;
        this.audit = audit;
        this.registry = registry;
        this.meters = meters;
        this.health = health;
        this.clock = clock;
    }

    @ModelAttribute("operator")
    ConsoleUser operator(@AuthenticationPrincipal ConsoleUser operator) {
        return operator;
    }

    @ModelAttribute("time")
    DateTimeFormatter time() {
        return TIME;
    }

    @GetMapping("/admin")
    public String dashboard(Model model) {
        var now = clock.instant();
        model.addAttribute("sent", queries.sent(now));
        model.addAttribute("received", queries.received(now));
        model.addAttribute("queues", queueDepths());
        model.addAttribute("deadLetterCount", deadLetters.list(null).size());
        model.addAttribute("health", health.health().getStatus().getCode());
        model.addAttribute("channelProblems", registry.current().participants().stream()
                .filter(p -> !"ok".equals(ChannelHealth.of(p)[1]))
                .map(p -> p.name() + ": " + ChannelHealth.of(p)[0]).toList());
        model.addAttribute("updated", TIME.format(now));
        model.addAttribute("plot", TrafficPlot.of(queries.lastTwoHours(now), now));
        return "admin/oversikt";
    }

    @GetMapping("/admin/meldinger")
    public String search(@RequestParam(name = "id", required = false) String id,
            @RequestParam(name = "patient", required = false) String patient,
            @RequestParam(name = "sender", required = false) String sender,
            @RequestParam(name = "receiver", required = false) String receiver,
            @RequestParam(name = "status", required = false) String status,
            @RequestParam(name = "from", required = false) String from, @RequestParam(name = "to", required = false) String to,
            @RequestParam(name = "type", required = false) String type,
            @RequestParam(name = "conversation", required = false) String conversation, Model model) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("id", id == null ? "" : id);
        values.put("patient", patient == null ? "" : patient);
        values.put("sender", sender == null ? "" : sender);
        values.put("receiver", receiver == null ? "" : receiver);
        values.put("status", status == null ? "" : status);
        values.put("from", from == null ? "" : from);
        values.put("to", to == null ? "" : to);
        values.put("type", type == null ? "" : type);
        values.put("conversation", conversation == null ? "" : conversation);
        model.addAttribute("values", values);
        model.addAttribute("statuses", no.samnav.gateway.store.MessageStatus.values());
        if (id != null && !id.isBlank()) {
            return store.byIdOrMsgId(id.strip()).map(m -> "redirect:/admin/meldinger/" + m.id()).orElseGet(() -> {
                model.addAttribute("error", "Fant ingen melding med id " + id.strip() + ".");
                model.addAttribute("results", List.of());
                return "admin/meldinger";
            });
        }
        try {
            model.addAttribute("results", store.find(MessageQuery.parse(patient, sender, receiver,
                    status == null || status.isBlank() ? null : status, from, to, 200)
                    .withTypeAndConversation(type, conversation)));
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", "Søket kan ikke gjøres: " + e.getMessage());
            model.addAttribute("results", List.of());
        }
        return "admin/meldinger";
    }

    @GetMapping("/admin/meldinger/{id}")
    public String message(@PathVariable("id") String id, Model model) {
        StoredMessage m = store.byIdOrMsgId(id).orElseThrow(() -> new NotFoundException("no message " + id));
        // the patient's number stays masked until the operator asks, and asking is audited (POST below)
        boolean revealed = m.id().equals(model.getAttribute("revealed"));
        String patient = store.patientOf(m.id());
        model.addAttribute("m", m);
        model.addAttribute("patient", patient == null ? null : revealed ? patient : PatientMasking.mask(patient));
        model.addAttribute("revealed", revealed);
        model.addAttribute("events", store.events(m.id()));
        model.addAttribute("deliveries", store.deliveries(m.id()));
        String original = PrettyXml.format(store.original(m.id()));
        model.addAttribute("original", revealed ? original : PatientMasking.maskAll(original));
        String fhirJson = PrettyJson.format(store.fhirJson(m.id()));
        model.addAttribute("fhir", revealed ? fhirJson : PatientMasking.maskAll(fhirJson));
        model.addAttribute("outputs", store.deliveries(m.id()).stream().map(d -> new Output(d.participant(), d.standard(),
                store.delivery(m.id(), d.participant()).map(x -> PatientMasking.maskAll(PrettyXml.format(x.payload())))
                        .orElse(""))).map(o -> revealed ? new Output(o.participant(), o.standard(), unmasked(m.id(), o)) : o)
                .toList());
        model.addAttribute("attachments", attachments(m.id()));
        model.addAttribute("receipts", "apprec".equals(m.kind()) ? List.of()
                : store.find(MessageQuery.parse(null, null, null, null, null, null, 50).withTypeAndConversation(null, m.msgId()))
                        .stream().filter(r -> "apprec".equals(r.kind())).toList());
        String document = journal.documentPublishedFrom(m.id()).orElse(null);
        model.addAttribute("document", document);
        model.addAttribute("readers", document == null ? List.of() : audit.forDocument(document, 100));
        return "admin/melding";
    }

    /** An attachment (vedlegg) of a message: its place, description, type and size. */
    public record AttachmentView(int index, String description, String contentType, int size) {
    }

    private List<org.hl7.fhir.r4.model.Attachment> attachmentData(String messageId) {
        org.hl7.fhir.r4.model.Bundle bundle = fhir.newJsonParser().parseResource(org.hl7.fhir.r4.model.Bundle.class,
                store.fhirJson(messageId));
        List<org.hl7.fhir.r4.model.Attachment> found = new java.util.ArrayList<>();
        for (var e : bundle.getEntry()) {
            if (e.getResource() instanceof org.hl7.fhir.r4.model.DocumentReference d) {
                for (var c : d.getContent()) {
                    if (c.getAttachment().hasData()) found.add(c.getAttachment().setTitle(d.getDescription()));
                }
            }
        }
        return found;
    }

    private List<AttachmentView> attachments(String messageId) {
        List<org.hl7.fhir.r4.model.Attachment> data = attachmentData(messageId);
        List<AttachmentView> views = new java.util.ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            var a = data.get(i);
            views.add(new AttachmentView(i + 1, a.getTitle() == null ? "Vedlegg " + (i + 1) : a.getTitle(),
                    a.getContentType() == null ? "ukjent type" : a.getContentType(), a.getData().length));
        }
        return views;
    }

    /**
     * One attachment, as a download (never shown in the console's own page, whatever its type), and
     * recorded in the patient's access log: an attachment is health data.
     */
    @PostMapping("/admin/meldinger/{id}/vedlegg/{index}")
    public org.springframework.http.ResponseEntity<byte[]> attachment(@AuthenticationPrincipal ConsoleUser operator,
            @PathVariable("id") String id, @PathVariable("index") int index) {
        StoredMessage m = store.byIdOrMsgId(id).orElseThrow(() -> new NotFoundException("no message " + id));
        List<org.hl7.fhir.r4.model.Attachment> data = attachmentData(m.id());
        if (index < 1 || index > data.size()) throw new NotFoundException("attachment " + index + " of message " + m.id());
        String patient = store.patientOf(m.id());
        if (patient != null) audit.recordOperatorReveal(operator.name(), patient, m.id() + ", vedlegg " + index);
        log.info("operator {} downloaded attachment {} of message {}", operator.name(), index, m.id());
        return org.springframework.http.ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.APPLICATION_OCTET_STREAM)
                .header("Content-Disposition", "attachment; filename=\"vedlegg-" + index + extension(data.get(index - 1)) + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .body(data.get(index - 1).getData());
    }

    private static String extension(org.hl7.fhir.r4.model.Attachment a) {
        String type = a.getContentType() == null ? "" : a.getContentType();
        return switch (type) {
            case "application/pdf" -> ".pdf";
            case "image/jpeg" -> ".jpg";
            case "image/png" -> ".png";
            case "text/plain" -> ".txt";
            default -> ".bin";
        };
    }

    /** A translated delivery's payload as the operator reads it. */
    public record Output(String participant, String standard, String payload) {
    }

    private String unmasked(String messageId, Output o) {
        return store.delivery(messageId, o.participant()).map(x -> PrettyXml.format(x.payload())).orElse("");
    }

    /** Shows the patient's number on one message, once, and records it in the patient's access log. */
    @PostMapping("/admin/meldinger/{id}/vis-pasient")
    public String reveal(@AuthenticationPrincipal ConsoleUser operator, @PathVariable("id") String id,
            RedirectAttributes redirect) {
        StoredMessage m = store.byIdOrMsgId(id).orElseThrow(() -> new NotFoundException("no message " + id));
        String patient = store.patientOf(m.id());
        if (patient != null) audit.recordOperatorReveal(operator.name(), patient, m.id());
        log.info("operator {} showed the patient of message {}", operator.name(), m.id());
        redirect.addFlashAttribute("revealed", m.id());
        return "redirect:/admin/meldinger/" + m.id();
    }

    /** A row of the access log as the console shows it. */
    public record AccessRow(String at, String action, String person, String organisations, String client, int documents,
            String purpose, String outcome, boolean allowed) {
    }

    /** The patient's access log (who searched, read or retrieved her documents, and operators' looks), with a CSV export. */
    @GetMapping("/admin/innsyn")
    public String accessLog(@RequestParam(name = "patient", required = false) String patient,
            @RequestParam(name = "action", required = false) String action,
            @RequestParam(name = "outcome", required = false) String outcome, Model model) {
        model.addAttribute("patient", patient == null ? "" : patient.strip());
        model.addAttribute("action", action == null ? "" : action);
        model.addAttribute("outcome", outcome == null ? "" : outcome);
        model.addAttribute("actions", AuditTrail.Action.values());
        if (patient == null || patient.isBlank()) {
            model.addAttribute("rows", List.of());
            return "admin/innsyn";
        }
        if (!no.samnav.mappers.identifiers.NorwegianIds.isValidPersonNumber(patient.strip())) {
            model.addAttribute("error", "Fødselsnummeret må ha 11 siffer med gyldige kontrollsiffer.");
            model.addAttribute("rows", List.of());
            return "admin/innsyn";
        }
        model.addAttribute("rows", audit.forPatient(patient.strip(), 1000).stream()
                .filter(r -> action == null || action.isBlank() || r.action().name().equals(action))
                .filter(r -> outcome == null || outcome.isBlank() || ("denied".equals(outcome) != r.allowed()))
                .map(r -> new AccessRow(
                TIME.format(r.recorded()), AccessLogPage.action(r.action()), r.readerHpr() == null ? "" : r.readerHpr(),
                r.readerOrgs() == null ? "" : r.readerOrgs(), r.clientId() == null ? "" : r.clientId(), r.documents().size(),
                AccessLogPage.purpose(r.purpose()), AccessLogPage.outcome(r), r.allowed())).toList());
        return "admin/innsyn";
    }

    @GetMapping(path = "/admin/innsyn.csv")
    public org.springframework.http.ResponseEntity<String> accessLogCsv(@RequestParam(name = "patient") String patient) {
        if (!no.samnav.mappers.identifiers.NorwegianIds.isValidPersonNumber(patient.strip())) {
            return org.springframework.http.ResponseEntity.badRequest().body("Fødselsnummeret må ha 11 siffer med gyldige kontrollsiffer.\n");
        }
        return org.springframework.http.ResponseEntity.ok()
                .contentType(new org.springframework.http.MediaType("text", "csv", StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"innsynslogg.csv\"")
                .body(AccessLogPage.csv(audit.forPatient(patient.strip(), 10_000)));
    }

    /** A participant as the participants page shows it. */
    public record ParticipantRow(Participant participant, String channel, String health, boolean healthy, String accepts,
            String lastSent, String lastDelivered, long waiting, long deadLetters) {
    }

    @GetMapping("/admin/deltakere")
    public String participants(Model model) {
        var lastSent = queries.lastSent();
        var lastDelivered = queries.lastDelivered();
        Map<String, Long> depths = queueDepths();
        Map<String, Long> dead = new LinkedHashMap<>();
        for (DeadLetterService.DeadLetter d : deadLetters.list(null)) {
            if (d.participant() != null) dead.merge(d.participant(), 1L, Long::sum);
        }
        List<ParticipantRow> rows = registry.current().participants().stream().map(p -> {
            String[] health = ChannelHealth.of(p);
            return new ParticipantRow(p, ChannelHealth.describe(p), health[0], "ok".equals(health[1]),
                    String.join(", ", p.accepts().stream().map(k -> k.id()).toList()),
                    lastSent.containsKey(p.id()) ? TIME.format(lastSent.get(p.id())) : "–",
                    lastDelivered.containsKey(p.id()) ? TIME.format(lastDelivered.get(p.id())) : "–",
                    depths.getOrDefault("samnav.deliver." + p.id(), 0L), dead.getOrDefault(p.id(), 0L));
        }).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("editable", editing.file().isPresent());
        model.addAttribute("history", editing.history(20));
        return "admin/deltakere";
    }

    @GetMapping("/admin/deltakere/rediger")
    public String editCooperation(Model model) throws java.io.IOException {
        if (editing.file().isEmpty()) return "redirect:/admin/deltakere";
        if (!model.containsAttribute("text")) model.addAttribute("text", editing.text());
        model.addAttribute("file", editing.file().get().toString());
        return "admin/rediger";
    }

    @PostMapping("/admin/deltakere/rediger")
    public String saveCooperation(@AuthenticationPrincipal ConsoleUser operator,
            @RequestParam(name = "text") String text, @RequestParam(name = "action") String action, Model model,
            RedirectAttributes redirect, jakarta.servlet.http.HttpServletResponse response) throws Exception {
        if (editing.file().isEmpty()) return "redirect:/admin/deltakere";
        CooperationEditing.Check result = "save".equals(action) ? editing.save(text, operator.name()) : editing.check(text);
        if (result.valid() && "save".equals(action)) {
            log.info("operator {} saved and reloaded the cooperation file", operator.name());
            redirect.addFlashAttribute("saved", result.message());
            return "redirect:/admin/deltakere";
        }
        if (!result.valid()) response.setStatus(jakarta.servlet.http.HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute(result.valid() ? "checked" : "error", result.valid() ? result.message()
                : "Filen er ikke lagret: " + result.message());
        model.addAttribute("text", text);
        model.addAttribute("file", editing.file().get().toString());
        return "admin/rediger";
    }

    @GetMapping("/admin/doede-brev")
    public String deadLetters(Model model) {
        model.addAttribute("deadLetters", deadLetters.list(null));
        return "admin/doede-brev";
    }

    @PostMapping("/admin/doede-brev/{id}/send-igjen")
    public String resend(@AuthenticationPrincipal ConsoleUser operator, @PathVariable("id") String id,
            @RequestParam(name = "participant", required = false) String participant, RedirectAttributes redirect) {
        DeadLetterService.Resent resent = deadLetters.resend(id, participant);
        log.info("operator {} resent message {} to {}", operator.name(), resent.messageId(), resent.participant());
        redirect.addFlashAttribute("saved", "Meldingen er sendt igjen til " + name(resent.participant()) + ".");
        return "redirect:/admin/doede-brev";
    }

    @PostMapping("/admin/doede-brev/send-alle-igjen")
    public String resendAll(@AuthenticationPrincipal ConsoleUser operator,
            @RequestParam(name = "participant", required = false) String participant, RedirectAttributes redirect) {
        List<DeadLetterService.Resent> resent = deadLetters.resendAll(participant == null || participant.isBlank() ? null
                : participant);
        log.info("operator {} resent {} dead-lettered messages", operator.name(), resent.size());
        redirect.addFlashAttribute("saved", resent.size() + " meldinger er sendt igjen.");
        return "redirect:/admin/doede-brev";
    }

    @PostMapping("/admin/doede-brev/{id}/forkast")
    public String discard(@AuthenticationPrincipal ConsoleUser operator, @PathVariable("id") String id,
            @RequestParam(name = "reason", required = false) String reason, RedirectAttributes redirect) {
        try {
            DeadLetterService.Discarded d = deadLetters.discard(id, reason, operator.name());
            redirect.addFlashAttribute("saved", "Meldingen er forkastet og leveres ikke. Årsaken står på tidslinjen.");
            log.info("operator {} discarded message {}", operator.name(), d.messageId());
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", "Skriv hvorfor meldingen forkastes (5–500 tegn): årsaken lagres på"
                    + " meldingens tidslinje.");
        }
        return "redirect:/admin/doede-brev";
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
    public String notFound(NotFoundException e, Model model) {
        model.addAttribute("message", "Fant ikke det du ba om (" + e.getMessage() + "). Søk etter meldingen på nytt.");
        return "admin/feil";
    }

    @ExceptionHandler(ConflictException.class)
    @ResponseStatus(org.springframework.http.HttpStatus.CONFLICT)
    public String conflict(ConflictException e, Model model) {
        model.addAttribute("message", "Det gikk ikke: " + e.getMessage() + ". Se meldingens tidslinje for hva som har skjedd.");
        return "admin/feil";
    }

    private String name(String participant) {
        return participant == null ? "rutingen" : registry.current().byId(participant).map(Participant::name).orElse(participant);
    }

    private Map<String, Long> queueDepths() {
        Map<String, Long> depths = new LinkedHashMap<>();
        for (Gauge g : meters.find("samnav.queue.depth").gauges()) {
            depths.put(g.getId().getTag("queue"), (long) g.value());
        }
        return depths;
    }

    /** For tests and the template: the original's bytes as text. */
    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
