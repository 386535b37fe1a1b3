package no.samnav.gateway.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.samnav.gateway.api.BadRequestException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dev issuer's endpoints (only when it is enabled): {@code POST /dev-auth/token} issues a
 * token like an OAuth2 token endpoint (form parameters, JSON answer), {@code GET /dev-auth/jwks}
 * publishes its key.
 */
@RestController
@RequestMapping("/dev-auth")
@ConditionalOnProperty(name = "samnav.security.dev-issuer.enabled", havingValue = "true")
public class DevTokenController {

    private final DevTokenIssuer issuer;

    public DevTokenController(DevTokenIssuer issuer) {
        this.issuer = issuer;
    }

    @PostMapping(path = "/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> token(@RequestParam(name = "client_id", required = false) String clientId,
            @RequestParam(name = "scope", required = false) String scope,
            @RequestParam(name = "hpr_number", required = false) String hprNumber,
            @RequestParam(name = "orgnr", required = false) String orgNumber,
            @RequestParam(name = "expires_in", required = false) Long expiresIn) {
        if (clientId == null || !clientId.matches("[A-Za-z0-9._:-]{1,100}")) {
            throw new BadRequestException("client_id is required (letters, digits, . _ : -)");
        }
        if (hprNumber != null && !hprNumber.matches("\\d{1,9}")) throw new BadRequestException("hpr_number must be digits");
        if (orgNumber != null && !orgNumber.matches("\\d{9}")) throw new BadRequestException("orgnr must be 9 digits");
        List<String> scopes = scope == null || scope.isBlank() ? List.of()
                : Arrays.stream(scope.trim().split("\\s+")).toList();
        DevTokenIssuer.Token token = issuer.issue(new DevTokenIssuer.Request(clientId, hprNumber, orgNumber, scopes,
                expiresIn == null ? null : Duration.ofSeconds(expiresIn)));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", token.value());
        answer.put("token_type", "Bearer");
        answer.put("expires_in", Math.max(0, token.expiresAt().getEpochSecond() - Instant.now().getEpochSecond()));
        answer.put("scope", String.join(" ", scopes));
        return answer;
    }

    @GetMapping(path = "/jwks", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> jwks() {
        return issuer.jwkSet();
    }
}
