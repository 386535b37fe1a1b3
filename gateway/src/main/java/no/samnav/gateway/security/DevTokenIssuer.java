package no.samnav.gateway.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The dev issuer: signs HelseID-shaped access tokens with a key made at start-up (never stored), so
 * the README walkthrough and the tests need no identity provider. It issues a token to anyone who
 * asks, which is why it is off in the production profile ({@code samnav.security.dev-issuer.enabled}).
 */
public final class DevTokenIssuer {

    /** The {@code iss} of dev tokens. */
    public static final String ISSUER = "urn:samnav:dev-issuer";

    private final RSAKey key;
    private final Clock clock;
    private final Duration defaultLifetime;

    public DevTokenIssuer(Clock clock, Duration defaultLifetime) {
        try {
            this.key = new RSAKeyGenerator(2048).keyID("samnav-dev-" + UUID.randomUUID()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot make the dev issuer's key", e);
        }
        this.clock = clock;
        this.defaultLifetime = defaultLifetime;
    }

    /** What a token is for: its client, person, organisation, scopes and lifetime (null: the default). */
    public record Request(String clientId, String hprNumber, String orgNumber, List<String> scopes, Duration lifetime) {
    }

    /** A signed token and when it expires. */
    public record Token(String value, Instant expiresAt) {
    }

    public Token issue(Request request) {
        Instant now = clock.instant();
        // a negative lifetime gives an expired token: for testing a client's handling of 401
        Instant expires = now.plus(request.lifetime() == null ? defaultLifetime : request.lifetime());
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(request.clientId())
                .audience("samnav")
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now.isBefore(expires) ? now : expires.minusSeconds(60)))
                .expirationTime(Date.from(expires))
                .claim("client_id", request.clientId())
                .claim("scope", String.join(" ", request.scopes()));
        if (request.hprNumber() != null) claims.claim(ApiCaller.HPR_CLAIM, request.hprNumber());
        if (request.orgNumber() != null) claims.claim(ApiCaller.ORGNR_CLAIM, request.orgNumber());
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a dev token", e);
        }
        return new Token(jwt.serialize(), expires);
    }

    public RSAPublicKey publicKey() {
        try {
            return key.toRSAPublicKey();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public key as a JWK Set, as an issuer publishes it. */
    public Map<String, Object> jwkSet() {
        return new JWKSet(key.toPublicJWK()).toJSONObject();
    }
}
