package no.samnav.gateway.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import no.samnav.gateway.flow.DeliveryService;
import no.samnav.gateway.flow.IngestService;
import no.samnav.gateway.registry.Participant;
import no.samnav.gateway.security.ApiCaller;
import no.samnav.gateway.security.Scopes;
import no.samnav.gateway.store.MessageStore;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * The mailbox of participants with a FHIR channel and no endpoint: their system fetches the
 * messages waiting for it ({@code GET /fhir/Bundle}, oldest first, each the message Bundle with the
 * gateway's message id as its id) and acknowledges each one it has stored
 * ({@code POST /fhir/Bundle/{id}/$acknowledge}), which records the delivery. Until then the message
 * is fetched again, so a lost answer loses nothing; a second acknowledgement changes nothing. Also
 * {@code Bundle/$validate}, as for the other types ({@link ValidateProvider}).
 */
public class FhirMailboxProvider extends ValidateProvider {

    private final FhirContext fhir;
    private final ApiAccess access;
    private final MessageStore store;
    private final DeliveryService deliveries;

    public FhirMailboxProvider(FhirContext fhir, BoundedValidation validation, ApiAccess access, boolean profilesLoaded,
            MessageStore store, DeliveryService deliveries) {
        super(Bundle.class, validation, access, profilesLoaded);
        this.fhir = fhir;
        this.access = access;
        this.store = store;
        this.deliveries = deliveries;
    }

    /** The messages waiting for the caller's participants, oldest first (at most {@code _count}, default 20). */
    @Search
    public List<Bundle> waiting(@Count Integer count) {
        ApiCaller caller = access.require(Scopes.MESSAGE_READ);
        int limit = count == null ? 20 : Math.max(1, Math.min(count, 100));
        List<Bundle> result = new ArrayList<>();
        for (Participant p : access.participantsOf(caller)) {
            if (!p.fetchesFhir()) continue;
            for (String messageId : store.waitingFor(p.id(), limit - result.size())) {
                store.delivery(messageId, p.id()).ifPresent(d -> {
                    Bundle message = fhir.newJsonParser().parseResource(Bundle.class,
                            new String(d.payload(), StandardCharsets.UTF_8));
                    message.setId(messageId);
                    result.add(message);
                });
            }
            if (result.size() >= limit) break;
        }
        return result;
    }

    /** Records that the caller's system has stored the message; it is not offered again. */
    @Operation(name = "$acknowledge", idempotent = false)
    public OperationOutcome acknowledge(@IdParam IdType id) {
        ApiCaller caller = access.require(Scopes.MESSAGE_READ);
        String messageId = id.getIdPart();
        Optional<Participant> mine = access.participantsOf(caller).stream().filter(Participant::fetchesFhir)
                .filter(p -> store.delivery(messageId, p.id()).isPresent()).findFirst();
        if (mine.isEmpty()) throw new ResourceNotFoundException(id);
        boolean first = deliveries.delivered(messageId, mine.get().id(), IngestService.FHIR_R4);
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.INFORMATION)
                .setCode(OperationOutcome.IssueType.INFORMATIONAL)
                .setDiagnostics(first ? "Delivered to " + mine.get().id() : "Acknowledged before; nothing changed");
        return outcome;
    }
}
