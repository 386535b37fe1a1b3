package no.samnav.gateway.security;

import ca.uhn.fhir.context.FhirContext;
import jakarta.servlet.http.HttpServletResponse;
import org.hl7.fhir.r4.model.OperationOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The FHIR API ({@code /fhir/**}) takes only requests with a valid bearer JWT; its
 * CapabilityStatement ({@code /fhir/metadata}) is public, as SMART and HelseID clients expect.
 * A missing, expired or badly signed token gets 401 with {@code WWW-Authenticate: Bearer} and an
 * OperationOutcome. What a valid caller may do (scopes, organisations) is decided by the FHIR
 * providers. The operator API and actuator keep their own (documented) arrangement.
 */
@Configuration
@EnableConfigurationProperties(SecuritySettings.class)
public class SecurityConfiguration {

    private final FhirContext fhir;

    public SecurityConfiguration(FhirContext fhir) {
        this.fhir = fhir;
    }

    @Bean
    @ConditionalOnProperty(name = "samnav.security.dev-issuer.enabled", havingValue = "true")
    DevTokenIssuer devTokenIssuer(Clock clock, SecuritySettings settings) {
        return new DevTokenIssuer(clock, settings.devIssuer().tokenLifetime());
    }

    /** Tokens of the configured issuer (its JWKS), or, when the dev issuer is on and none is configured, of the dev issuer. */
    @Bean
    JwtDecoder jwtDecoder(SecuritySettings settings, ObjectProvider<DevTokenIssuer> dev) {
        List<OAuth2TokenValidator<Jwt>> checks = new ArrayList<>();
        checks.add(new JwtTimestampValidator(settings.clockSkew()));
        NimbusJwtDecoder decoder;
        if (settings.jwkSetUri() != null && !settings.jwkSetUri().isBlank()) {
            decoder = NimbusJwtDecoder.withJwkSetUri(settings.jwkSetUri()).build();
            if (settings.issuerUri() == null || settings.issuerUri().isBlank()) {
                throw new IllegalStateException("samnav.security.issuer-uri is required with samnav.security.jwk-set-uri");
            }
            checks.add(new JwtIssuerValidator(settings.issuerUri()));
        } else if (dev.getIfAvailable() != null) {
            decoder = NimbusJwtDecoder.withPublicKey(dev.getIfAvailable().publicKey()).build();
            checks.add(new JwtIssuerValidator(DevTokenIssuer.ISSUER));
        } else {
            throw new IllegalStateException("The FHIR API needs a token issuer: set samnav.security.issuer-uri and"
                    + " samnav.security.jwk-set-uri (SAMNAV_SECURITY_ISSUER_URI, SAMNAV_SECURITY_JWK_SET_URI), or enable"
                    + " the dev issuer outside production (samnav.security.dev-issuer.enabled=true)");
        }
        if (settings.audience() != null && !settings.audience().isBlank()) {
            checks.add(new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(settings.audience())));
        }
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(checks));
        return decoder;
    }

    @Bean
    @Order(1)
    SecurityFilterChain fhirApi(HttpSecurity http, JwtDecoder decoder) throws Exception {
        BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
        BearerTokenAccessDeniedHandler denied = new BearerTokenAccessDeniedHandler();
        // path patterns, not MVC matchers: the FHIR API is its own servlet, outside Spring MVC's mappings
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        http.securityMatcher(paths.matcher("/fhir/**"))
                .authorizeHttpRequests(a -> a.requestMatchers(paths.matcher(HttpMethod.GET, "/fhir/metadata")).permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(o -> o.jwt(j -> j.decoder(decoder))
                        .authenticationEntryPoint((request, response, e) -> {
                            bearer.commence(request, response, e);
                            outcome(response, OperationOutcome.IssueType.LOGIN, "A valid bearer token is required: " + e.getMessage());
                        })
                        .accessDeniedHandler((request, response, e) -> {
                            denied.handle(request, response, e);
                            outcome(response, OperationOutcome.IssueType.FORBIDDEN, "The token does not allow this request");
                        }))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable);
        return http.build();
    }

    /**
     * The operator API ({@code /api/**}) with {@code samnav.security.operator-api-requires-token}: a
     * bearer JWT of the FHIR API's issuer with the scope {@link Scopes#OPERATOR}; 401 without a
     * valid token, 403 without the scope. Without the setting it falls to {@link #rest}, open, and
     * the gateway says so at start.
     */
    @Bean
    @Order(2)
    @ConditionalOnProperty(name = "samnav.security.operator-api-requires-token", havingValue = "true")
    SecurityFilterChain operatorApi(HttpSecurity http, JwtDecoder decoder) throws Exception {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        http.securityMatcher(paths.matcher("/api/**"))
                .authorizeHttpRequests(a -> a.anyRequest().hasAuthority("SCOPE_" + Scopes.OPERATOR))
                .oauth2ResourceServer(o -> o.jwt(j -> j.decoder(decoder)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable);
        return http.build();
    }

    /** Warns at start when the operator API is open to anyone who reaches the port. */
    @Bean
    @ConditionalOnProperty(name = "samnav.security.operator-api-requires-token", havingValue = "false", matchIfMissing = true)
    InitializingBean openOperatorApiWarning() {
        return () -> LoggerFactory.getLogger(SecurityConfiguration.class).warn("the operator API (/api) takes"
                + " requests without a token (samnav.security.operator-api-requires-token=false): keep the port on this"
                + " machine or behind access control");
    }

    /** Everything else: the operator API when open, actuator and the dev issuer (see docs/operations.md). */
    @Bean
    @Order(3)
    SecurityFilterChain rest(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable);
        return http.build();
    }

    private void outcome(HttpServletResponse response, OperationOutcome.IssueType code, String text) throws IOException {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(code).setDiagnostics(text);
        response.setContentType("application/fhir+json;charset=UTF-8");
        response.getOutputStream().write(fhir.newJsonParser().encodeResourceToString(outcome).getBytes(StandardCharsets.UTF_8));
    }
}
