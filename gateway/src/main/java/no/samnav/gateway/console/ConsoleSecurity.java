package no.samnav.gateway.console;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The operator console ({@code /admin/**}) is a browser application of its own: a session after
 * login (kept apart from the pregnancy card's), CSRF tokens on every form, a redirect to the login
 * page for anyone not logged in, and no script but the gateway's own.
 */
@Configuration
@EnableConfigurationProperties(ConsoleSettings.class)
public class ConsoleSecurity {

    @Bean
    SecurityContextRepository consoleSessions() {
        HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();
        sessions.setSpringSecurityContextKey("SAMNAV_CONSOLE_LOGIN");
        return sessions;
    }

    @Bean
    @Order(0)
    SecurityFilterChain operatorConsole(HttpSecurity http, @Qualifier("consoleSessions") SecurityContextRepository sessions)
            throws Exception {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        http.securityMatcher(paths.matcher("/admin/**"))
                .authorizeHttpRequests(a -> a.requestMatchers(paths.matcher("/admin/logg-inn")).permitAll()
                        .anyRequest().authenticated())
                .securityContext(c -> c.securityContextRepository(sessions))
                .exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/admin/logg-inn")))
                .logout(l -> l.logoutRequestMatcher(paths.matcher(HttpMethod.POST, "/admin/logg-ut"))
                        .logoutSuccessUrl("/admin/logg-inn?utlogget"))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self';"
                                + " form-action 'self'; frame-ancestors 'none'")));
        return http.build();
    }
}
