package no.samnav.gateway.security;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who calls the FHIR API, from the claims of a HelseID-shaped access token: the client system
 * ({@code client_id}), the person (HPR number) and the organisation (organisation number), and the
 * scopes granted. Never holds a patient identifier.
 */
public record ApiCaller(String clientId, String hprNumber, String orgNumber, Set<String> scopes) {

    /** HelseID's claim for the HPR number of the person behind the request. */
    public static final String HPR_CLAIM = "helseid://claims/hpr/hpr_number";
    /** HelseID's claim for the organisation number of the client's (parent) organisation. */
    public static final String ORGNR_CLAIM = "helseid://claims/client/claims/orgnr_parent";

    /** The caller of the current request, when it carried a valid token. */
    public static Optional<ApiCaller> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (!(auth instanceof JwtAuthenticationToken token)) return Optional.empty();
        Jwt jwt = token.getToken();
        Set<String> scopes = token.getAuthorities().stream().map(a -> a.getAuthority())
                .filter(a -> a.startsWith("SCOPE_")).map(a -> a.substring("SCOPE_".length()))
                .collect(Collectors.toUnmodifiableSet());
        String client = jwt.getClaimAsString("client_id");
        return Optional.of(new ApiCaller(client == null ? jwt.getSubject() : client, jwt.getClaimAsString(HPR_CLAIM),
                jwt.getClaimAsString(ORGNR_CLAIM), scopes));
    }

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }
}
