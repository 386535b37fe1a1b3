package no.samnav.gateway.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the FHIR API checks its callers ({@code samnav.security.*}, documented in
 * {@code docs/configuration.md}): bearer JWTs from an OAuth2 issuer such as HelseID, checked
 * against its JWKS, or, in the embedded/dev mode, from the gateway's own dev issuer.
 *
 * @param issuerUri the {@code iss} every token must carry (HelseID: {@code https://helseid-sts.nhn.no})
 * @param jwkSetUri where the issuer publishes its signing keys
 * @param audience  an {@code aud} every token must carry; empty: not checked
 * @param clockSkew how far token times may be off
 * @param devIssuer the dev issuer: on in the embedded mode, off in the production profile
 * @param operatorApiRequiresToken whether the operator API ({@code /api/**}) takes only bearer tokens
 *                  of the same issuer with the scope {@link Scopes#OPERATOR}: on in the production
 *                  profile, off in the embedded mode (its walkthrough uses plain {@code curl})
 */
@ConfigurationProperties("samnav.security")
public record SecuritySettings(String issuerUri, String jwkSetUri, String audience, Duration clockSkew,
        DevIssuer devIssuer, Boolean operatorApiRequiresToken) {

    public SecuritySettings {
        if (clockSkew == null) clockSkew = Duration.ofSeconds(30);
        if (devIssuer == null) devIssuer = new DevIssuer(null, null);
        if (operatorApiRequiresToken == null) operatorApiRequiresToken = false;
    }

    /**
     * @param enabled       whether {@code /dev-auth/token} issues tokens (for the README walkthrough
     *                      and tests; never in production)
     * @param tokenLifetime lifetime of a token when the request names none
     */
    public record DevIssuer(Boolean enabled, Duration tokenLifetime) {
        public DevIssuer {
            if (enabled == null) enabled = false;
            if (tokenLifetime == null) tokenLifetime = Duration.ofHours(1);
        }
    }
}
