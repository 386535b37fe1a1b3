package no.samnav.gateway.pregnancy.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import no.samnav.gateway.flow.RegistryHolder;
import no.samnav.gateway.pregnancy.PregnancySettings;
import no.samnav.gateway.registry.Service;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Login to the pregnancy card pages. In the embedded mode ({@code samnav.pregnancy.dev-login}) the
 * person picks herself from the service's staff and the office she works at today, without a
 * password, as the dev token issuer does for the API. Without it the page says that the login is not
 * set up, rather than letting anyone in.
 */
@Controller
public class CardLoginController {

    private final RegistryHolder registry;
    private final PregnancySettings settings;
    private final SecurityContextRepository sessions;

    public CardLoginController(RegistryHolder registry, PregnancySettings settings,
            @org.springframework.beans.factory.annotation.Qualifier("cardSessions") SecurityContextRepository cardSessions) {
        this.registry = registry;
        this.settings = settings;
        this.sessions = cardSessions;
    }

    @GetMapping("/helsekort/logg-inn")
    public String page(Model model, @RequestParam(name = "utlogget", required = false) String loggedOut) {
        Optional<Service> service = registry.current().service(settings.service());
        model.addAttribute("devLogin", settings.devLogin() && service.isPresent());
        model.addAttribute("service", service.orElse(null));
        model.addAttribute("staff", service.map(Service::staff).orElse(List.of()));
        model.addAttribute("sites", service.map(Service::sites).orElse(List.of()));
        model.addAttribute("loggedOut", loggedOut != null);
        return "helsekort/logg-inn";
    }

    @PostMapping("/helsekort/logg-inn")
    public String login(@RequestParam(name = "hpr", required = false) String hpr,
            @RequestParam(name = "office", required = false) String office, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        Optional<Service> service = registry.current().service(settings.service());
        if (!settings.devLogin() || service.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            return page(model, null);
        }
        Optional<Service.StaffMember> person = hpr == null ? Optional.empty() : service.get().staffMember(hpr);
        Optional<Service.Site> site = office == null ? Optional.empty() : service.get().site(office);
        if (person.isEmpty() || site.isEmpty()) {
            model.addAttribute("error", person.isEmpty() ? "Velg hvem du er." : "Velg kontoret du arbeider ved i dag.");
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(model, null);
        }
        CardUser user = new CardUser(person.get().hpr(), person.get().name(), person.get().role(), service.get().id(),
                site.get().office(), site.get().name());
        // a new session id at login: a session fixed before it cannot ride on it
        if (request.getSession(false) != null) request.changeSessionId();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + person.get().role().name()))));
        SecurityContextHolder.setContext(context);
        sessions.saveContext(context, request, response);
        return "redirect:/helsekort";
    }
}
