package no.samnav.gateway.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
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
 * Login to the operator console. In the embedded mode ({@code samnav.console.dev-login}) the
 * operator gives her name, without a password; the name is what her actions are recorded under.
 * Without it the page says the login is not set up, rather than letting anyone in.
 */
@Controller
public class ConsoleLoginController {

    private final ConsoleSettings settings;
    private final SecurityContextRepository sessions;

    public ConsoleLoginController(ConsoleSettings settings, @Qualifier("consoleSessions") SecurityContextRepository sessions) {
        this.settings = settings;
        this.sessions = sessions;
    }

    @GetMapping("/admin/logg-inn")
    public String page(Model model, @RequestParam(name = "utlogget", required = false) String loggedOut) {
        model.addAttribute("devLogin", settings.devLogin());
        model.addAttribute("loggedOut", loggedOut != null);
        return "admin/logg-inn";
    }

    @PostMapping("/admin/logg-inn")
    public String login(@RequestParam(name = "name", required = false) String name, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        if (!settings.devLogin()) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            return page(model, null);
        }
        String who = name == null ? "" : name.strip();
        if (who.length() < 2 || who.length() > 80) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", "Skriv navnet ditt (2–80 tegn): handlingene dine registreres under det.");
            return page(model, null);
        }
        if (request.getSession(false) != null) request.changeSessionId();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(new ConsoleUser(who), null,
                List.of(new SimpleGrantedAuthority("ROLE_OPERATOR"))));
        SecurityContextHolder.setContext(context);
        sessions.saveContext(context, request, response);
        return "redirect:/admin";
    }
}
