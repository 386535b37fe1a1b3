package no.samnav.gateway.fhir;

import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import java.util.List;
import no.samnav.gateway.flow.RegistryHolder;
import no.samnav.gateway.registry.Participant;
import no.samnav.gateway.security.ApiCaller;
import org.springframework.stereotype.Component;

/**
 * What a caller of the FHIR API may do: each operation needs its scope (else 403), and a client
 * acts only for the participants that list its client id in {@code api-clients} of the
 * cooperation file: it sends as them and sees the status of what they sent, nothing else.
 */
@Component
public class ApiAccess {

    private final RegistryHolder registry;

    public ApiAccess(RegistryHolder registry) {
        this.registry = registry;
    }

    /** The caller, who must hold {@code scope}. */
    public ApiCaller require(String scope) {
        ApiCaller caller = ApiCaller.current().orElseThrow(() -> new AuthenticationException("A valid bearer token is required"));
        if (!caller.hasScope(scope)) {
            throw new ForbiddenOperationException("The token lacks the scope " + scope + " that this request needs");
        }
        return caller;
    }

    /** The participants the caller acts for (empty for a client the cooperation has not registered). */
    public List<Participant> participantsOf(ApiCaller caller) {
        return registry.current().actingFor(caller.clientId());
    }

    /** The ids of {@link #participantsOf}. */
    public List<String> participantIdsOf(ApiCaller caller) {
        return participantsOf(caller).stream().map(Participant::id).toList();
    }
}
