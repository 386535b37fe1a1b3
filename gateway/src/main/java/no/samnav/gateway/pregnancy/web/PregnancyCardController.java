package no.samnav.gateway.pregnancy.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.samnav.gateway.flow.RegistryHolder;
import no.samnav.gateway.pregnancy.MonthlyReport;
import no.samnav.gateway.pregnancy.PregnancyCardPublisher;
import no.samnav.gateway.pregnancy.PregnancyRecords;
import no.samnav.gateway.pregnancy.PregnancyStore;
import no.samnav.gateway.store.MessageStore;
import no.samnav.gateway.store.StoredMessage;
import no.samnav.mappers.pregnancy.AntenatalCheck;
import no.samnav.mappers.pregnancy.DipstickResult;
import no.samnav.mappers.pregnancy.FetalPresentation;
import no.samnav.mappers.pregnancy.GestationalAge;
import no.samnav.mappers.pregnancy.Oedema;
import no.samnav.mappers.pregnancy.PregnancyBackground;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
 * "Helsekort for gravide": the midwife service's pregnancies, one card per pregnancy with its checks,
 * trends and lab results, the form for a check, the printable card and the monthly report. Thin: the
 * records, the card and the report do the work.
 */
@Controller
public class PregnancyCardController {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu");

    private final PregnancyRecords records;
    private final PregnancyCardPublisher cards;
    private final MonthlyReport report;
    private final MessageStore messages;
    private final RegistryHolder registry;

    public PregnancyCardController(PregnancyRecords records, PregnancyCardPublisher cards, MonthlyReport report,
            MessageStore messages, RegistryHolder registry) {
        this.records = records;
        this.cards = cards;
        this.report = report;
        this.messages = messages;
        this.registry = registry;
    }

    @ModelAttribute("user")
    CardUser user(@AuthenticationPrincipal CardUser user) {
        return user;
    }

    /** A row of the list of active pregnancies. */
    public record ListRow(PregnancyStore.Pregnancy pregnancy, String weekToday, String termDate) {
    }

    @GetMapping("/helsekort")
    public String list(Model model) {
        LocalDate today = records.today();
        List<ListRow> rows = new ArrayList<>();
        for (PregnancyStore.Pregnancy p : records.active()) {
            rows.add(new ListRow(p, week(p.termDate(), today), DATE.format(p.termDate())));
        }
        model.addAttribute("rows", rows);
        model.addAttribute("service", records.service());
        return "helsekort/liste";
    }

    @GetMapping("/helsekort/ny")
    public String newPregnancy(Model model) {
        model.addAttribute("service", records.service());
        model.addAttribute("values", Map.of());
        model.addAttribute("problems", Map.of());
        return "helsekort/ny";
    }

    @PostMapping("/helsekort/ny")
    public String openPregnancy(@AuthenticationPrincipal CardUser user, @RequestParam Map<String, String> form,
            Model model, HttpServletResponse response) {
        LocalDate term = form.getOrDefault("termDate", "").isBlank() ? null : CheckForm.parseDate(form.get("termDate"));
        PregnancyStore.Consent consent = switch (form.getOrDefault("consent", "")) {
            case "given" -> PregnancyStore.Consent.GIVEN;
            case "not-given" -> PregnancyStore.Consent.NOT_GIVEN;
            default -> null;
        };
        PregnancyRecords.Opened opened = records.open(user, new PregnancyRecords.NewPregnancy(form.get("fnr"),
                form.get("familyName"), form.get("givenNames"), term, form.get("servingMunicipality"), consent));
        if (!opened.problems().isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("service", records.service());
            model.addAttribute("values", form);
            model.addAttribute("problems", byField(opened.problems()));
            return "helsekort/ny";
        }
        return "redirect:/helsekort/" + opened.episodeId();
    }

    @GetMapping("/helsekort/{episode}")
    public String card(@AuthenticationPrincipal CardUser user, @PathVariable("episode") String episode, Model model) {
        PregnancyRecords.Card card = records.card(user, episode);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", CheckForm.withDefaults(records.today(), card.pregnancy().termDate()));
        }
        if (!model.containsAttribute("problems")) model.addAttribute("problems", Map.of());
        fillCard(model, card);
        return "helsekort/kort";
    }

    @PostMapping("/helsekort/{episode}/kontroll")
    public String addCheck(@AuthenticationPrincipal CardUser user, @PathVariable("episode") String episode,
            @ModelAttribute("form") CheckForm form, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        List<PregnancyRecords.Problem> problems = form.parseProblems();
        PregnancyRecords.CheckOutcome outcome = null;
        if (problems.isEmpty()) {
            outcome = records.addCheck(user, episode, form.toCheck(user));
            problems = outcome.problems();
        }
        if (!problems.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problems", byField(problems));
            fillCard(model, records.card(user, episode));
            return "helsekort/kort";
        }
        AntenatalCheck saved = outcome.check();
        redirect.addFlashAttribute("saved", "Kontrollen " + DATE.format(saved.date()) + " (uke " + saved.gestationalAge()
                + ") er lagret.");
        if (!outcome.findings().isEmpty()) {
            redirect.addFlashAttribute("findings", outcome.findings());
            redirect.addFlashAttribute("gpNotice", outcome.gpNoticeMessageId() != null
                    ? "Fastlegen har fått dialogmelding om funnene." : outcome.gpNoticeRefusal());
        }
        return "redirect:/helsekort/" + episode + "#kontroller";
    }

    @GetMapping("/helsekort/{episode}/bakgrunn")
    public String background(@AuthenticationPrincipal CardUser user, @PathVariable("episode") String episode, Model model) {
        PregnancyRecords.Card card = records.card(user, episode);
        model.addAttribute("card", card);
        model.addAttribute("values", backgroundValues(card.background()));
        model.addAttribute("problems", Map.of());
        return "helsekort/bakgrunn";
    }

    @PostMapping("/helsekort/{episode}/bakgrunn")
    public String saveBackground(@AuthenticationPrincipal CardUser user, @PathVariable("episode") String episode,
            @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        List<PregnancyRecords.Problem> problems = new ArrayList<>();
        LocalDate term = CheckForm.parseDate(form.getOrDefault("termDate", ""));
        Integer gravida = number(form.get("gravida"), "gravida", problems);
        Integer para = number(form.get("para"), "para", problems);
        if (problems.isEmpty()) {
            problems = records.updateBackground(user, episode, new PregnancyBackground(term, gravida, para,
                    text(form.get("previousPregnancies")), text(form.get("history")), lines(form.get("medications")),
                    lines(form.get("allergies")), lines(form.get("riskFactors"))));
        }
        if (!problems.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("card", records.card(user, episode));
            model.addAttribute("values", form);
            model.addAttribute("problems", byField(problems));
            return "helsekort/bakgrunn";
        }
        redirect.addFlashAttribute("saved", "Bakgrunnsopplysningene er lagret.");
        return "redirect:/helsekort/" + episode;
    }

    @PostMapping("/helsekort/{episode}/samtykke")
    public String consent(@AuthenticationPrincipal CardUser user, @PathVariable("episode") String episode,
            @RequestParam("consent") String consent, RedirectAttributes redirect) {
        PregnancyStore.Consent c = "given".equals(consent) ? PregnancyStore.Consent.GIVEN : PregnancyStore.Consent.WITHDRAWN;
        records.setConsent(user, episode, c);
        redirect.addFlashAttribute("saved", c == PregnancyStore.Consent.GIVEN
                ? "Samtykket er registrert: kortet deles i den felles journalen."
                : "Samtykket er trukket tilbake: kortet deles ikke lenger utover jordmortjenesten og fastlegen.");
        return "redirect:/helsekort/" + episode;
    }

    @PostMapping("/helsekort/{episode}/avslutt")
    public String finish(@AuthenticationPrincipal CardUser user, @PathVariable("episode") String episode, RedirectAttributes redirect) {
        records.finish(user, episode);
        redirect.addFlashAttribute("saved", "Svangerskapet er avsluttet.");
        return "redirect:/helsekort";
    }

    /** The printable card: the paper card's layout, to print from the browser. */
    @GetMapping(path = "/helsekort/{episode}/utskrift", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> printable(@AuthenticationPrincipal CardUser user, @PathVariable("episode") String episode) {
        return ResponseEntity.ok().contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
                .body(cards.xhtml(records.card(user, episode), "Skrevet ut " + cards.stamp()));
    }

    @GetMapping(path = "/helsekort/{episode}/kort.pdf")
    public ResponseEntity<byte[]> pdf(@AuthenticationPrincipal CardUser user, @PathVariable("episode") String episode) {
        PregnancyRecords.Card card = records.card(user, episode);
        byte[] pdf = cards.pdf(cards.xhtml(card, "Skrevet ut " + cards.stamp()));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"helsekort.pdf\"").body(pdf);
    }

    @GetMapping("/helsekort/rapport")
    public String monthlyReport(@RequestParam(name = "maaned", required = false) String month, Model model) {
        YearMonth m = month(month);
        model.addAttribute("report", report.of(m));
        model.addAttribute("month", m);
        model.addAttribute("previous", m.minusMonths(1));
        model.addAttribute("next", m.plusMonths(1));
        return "helsekort/rapport";
    }

    @GetMapping(path = "/helsekort/rapport.csv")
    public ResponseEntity<String> monthlyReportCsv(@RequestParam(name = "maaned", required = false) String month) {
        YearMonth m = month(month);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"svangerskapskontroller-" + m + ".csv\"")
                .body(report.csv(report.of(m)));
    }

    @ExceptionHandler(PregnancyRecords.NoSuchPregnancyException.class)
    @ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
    public String noSuchPregnancy(Model model) {
        model.addAttribute("message", "Fant ikke svangerskapet. Det kan være avsluttet, eller lenken er feil.");
        return "helsekort/feil";
    }

    @ExceptionHandler(BadMonthException.class)
    @ResponseStatus(org.springframework.http.HttpStatus.BAD_REQUEST)
    public String badMonth(Model model) {
        model.addAttribute("message", "Måneden skrives som åååå-mm, f.eks. 2026-11.");
        return "helsekort/feil";
    }

    /** A month parameter that is no month. */
    static final class BadMonthException extends RuntimeException {
    }

    private YearMonth month(String text) {
        if (text == null || text.isBlank()) return YearMonth.from(records.today());
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new BadMonthException();
        }
    }

    private void fillCard(Model model, PregnancyRecords.Card card) {
        model.addAttribute("card", card);
        model.addAttribute("p", card.pregnancy());
        model.addAttribute("termDate", DATE.format(card.pregnancy().termDate()));
        model.addAttribute("weekToday", week(card.pregnancy().termDate(), records.today()));
        model.addAttribute("rows", card.checks().stream().map(CheckRowView::of).toList());
        model.addAttribute("plots", TrendPlots.of(card));
        model.addAttribute("labResults", labResults(card));
        model.addAttribute("proteinOptions", Arrays.asList(DipstickResult.values()));
        model.addAttribute("presentationOptions", Arrays.asList(FetalPresentation.values()));
        model.addAttribute("oedemaOptions", Arrays.asList(Oedema.values()));
        model.addAttribute("shared", card.pregnancy().consent() == PregnancyStore.Consent.GIVEN);
    }

    /** A lab result that followed the episode, or a notice sent to the GP, as the card lists it. */
    public record LinkedView(String kind, String received, String from, String status) {
    }

    private List<LinkedView> labResults(PregnancyRecords.Card card) {
        List<LinkedView> views = new ArrayList<>();
        for (var link : card.linkedMessages()) {
            Optional<StoredMessage> m = messages.byId(link.messageId());
            if (m.isEmpty()) continue;
            String from = registry.current().byId(m.get().channel()).map(p -> p.name()).orElse(m.get().channel());
            views.add(new LinkedView("lab-result".equals(link.kind()) ? "Prøvesvar" : "Varsel til fastlege",
                    DATE.format(m.get().receivedAt().atZone(PregnancyRecords.OSLO)), from, status(m.get())));
        }
        return views;
    }

    private static String status(StoredMessage m) {
        return switch (m.status()) {
            case ACKNOWLEDGED -> "Kvittert";
            case DELIVERED -> "Levert";
            case REJECTED -> "Avvist";
            case DEAD_LETTERED -> "Ikke levert";
            default -> "Under sending";
        };
    }

    private static String week(LocalDate term, LocalDate today) {
        try {
            return GestationalAge.fromTermDate(term, today).toString();
        } catch (RuntimeException outOfRange) {
            return "–";
        }
    }

    private static Map<String, String> byField(List<PregnancyRecords.Problem> problems) {
        Map<String, String> map = new LinkedHashMap<>();
        for (PregnancyRecords.Problem p : problems) map.merge(p.field(), p.message(), (a, b) -> a + " " + b);
        return map;
    }

    private static Map<String, String> backgroundValues(PregnancyBackground b) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("termDate", b.termDate() == null ? "" : DATE.format(b.termDate()));
        v.put("gravida", b.gravida() == null ? "" : b.gravida().toString());
        v.put("para", b.para() == null ? "" : b.para().toString());
        v.put("previousPregnancies", b.previousPregnancies() == null ? "" : b.previousPregnancies());
        v.put("history", b.history() == null ? "" : b.history());
        v.put("medications", String.join("\n", b.medications()));
        v.put("allergies", String.join("\n", b.allergies()));
        v.put("riskFactors", String.join("\n", b.riskFactors()));
        return v;
    }

    private static Integer number(String text, String field, List<PregnancyRecords.Problem> problems) {
        if (text == null || text.isBlank()) return null;
        if (!text.strip().matches("\\d{1,2}")) {
            problems.add(new PregnancyRecords.Problem(field, "Skriv et helt tall"));
            return null;
        }
        return Integer.valueOf(text.strip());
    }

    private static String text(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static List<String> lines(String s) {
        if (s == null) return List.of();
        return s.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
