package no.samnav.gateway.pregnancy.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The pregnancy card pages ({@code /helsekort/**}) are a browser application: a session after
 * login, CSRF tokens on every form, and a redirect to the login page for anyone not logged in. No
 * script runs but the gateway's own; inline style is allowed because the printable card carries
 * its print layout inline (it is also rendered to PDF on its own).
 * Everything else keeps the arrangement of {@code SecurityConfiguration}.
 */
@Configuration
public class CardSecurity {

    /**
     * Where the login keeps the logged-in person between requests: a session attribute of its own, so
     * that a login to another of the gateway's pages (the operator console) in the same browser is
     * a separate one.
     */
    @Bean
    SecurityContextRepository cardSessions() {
        HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();
        sessions.setSpringSecurityContextKey("SAMNAV_HELSEKORT_LOGIN");
        return sessions;
    }

    @Bean
    @Order(0)
    SecurityFilterChain pregnancyCardPages(HttpSecurity http,
            @org.springframework.beans.factory.annotation.Qualifier("cardSessions") SecurityContextRepository cardSessions) throws Exception {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        http.securityMatcher(paths.matcher("/helsekort/**"))
                .authorizeHttpRequests(a -> a.requestMatchers(paths.matcher("/helsekort/logg-inn")).permitAll()
                        .anyRequest().authenticated())
                .securityContext(c -> c.securityContextRepository(cardSessions))
                .exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/helsekort/logg-inn")))
                .logout(l -> l.logoutRequestMatcher(paths.matcher(org.springframework.http.HttpMethod.POST, "/helsekort/logg-ut"))
                        .logoutSuccessUrl("/helsekort/logg-inn?utlogget"))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self';"
                                + " form-action 'self'; frame-ancestors 'none'")));
        return http.build();
    }
}
