package no.samnav.gateway.journal;

import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import java.time.Clock;
import java.util.List;
import no.samnav.gateway.fhir.ApiAccess;
import no.samnav.gateway.fhir.FhirErrors;
import no.samnav.gateway.observability.GatewayMetrics;
import no.samnav.gateway.security.ApiCaller;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.springframework.stereotype.Component;

/**
 * The gate in front of every look at a patient's documents: decides with the {@link AccessPolicy},
 * writes the audit record (allowed or denied) and answers a denial with 403 and its reason.
 */
@Component
public class JournalAccess {

    private final ApiAccess api;
    private final AccessPolicy policy;
    private final AuditTrail audit;
    private final GatewayMetrics metrics;
    private final Clock clock;

    public JournalAccess(ApiAccess api, AccessPolicy policy, AuditTrail audit, GatewayMetrics metrics, Clock clock) {
        this.api = api;
        this.policy = policy;
        this.audit = audit;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** The reader behind the current request, which must hold {@code scope}. */
    public AccessPolicy.Reader reader(String scope) {
        ApiCaller caller = api.require(scope);
        return new AccessPolicy.Reader(caller.clientId(), caller.hprNumber(), api.participantIdsOf(caller));
    }

    /** The decision, not yet audited: a search audits once, with the documents it found. */
    public AccessPolicy.Decision decide(AccessPolicy.Reader reader, String patientId) {
        return policy.decide(reader, patientId, clock.instant());
    }

    /** Audits a denied look and answers it (403 with the reason). */
    public ForbiddenOperationException deny(AuditTrail.Action action, AccessPolicy.Reader reader, String patientId,
            AccessPolicy.Decision decision) {
        audit.record(action, reader, patientId, List.of(), decision);
        metrics.journalAccess(action.name().toLowerCase(java.util.Locale.ROOT), false);
        return denied(decision.denial());
    }

    /** Audits an allowed access with the documents it showed. */
    public void allowed(AuditTrail.Action action, AccessPolicy.Reader reader, String patientId, List<String> documents,
            AccessPolicy.Decision decision) {
        audit.record(action, reader, patientId, documents, decision);
        metrics.journalAccess(action.name().toLowerCase(java.util.Locale.ROOT), true);
    }

    public AccessPolicy policy() {
        return policy;
    }

    public ForbiddenOperationException denied(AccessPolicy.Denial denial) {
        String text = switch (denial) {
            case NO_PERSON -> "Reading patient documents needs a person: the token carries no HPR number"
                    + " (helseid://claims/hpr/hpr_number)";
            case NOT_A_MEMBER -> "The organisation the client acts for is no member of the shared journal";
            case PATIENT_OBJECTION -> "The patient has reserved against sharing; emergency access ($emergency-access"
                    + " with a reason) is the only way in, and it is followed up";
            case NO_CARE_RELATIONSHIP -> "No care relationship with the patient (see docs/access-policy.md);"
                    + " in an emergency, declare emergency access ($emergency-access with a reason)";
        };
        return new ForbiddenOperationException(text, FhirErrors.outcome(OperationOutcome.IssueType.FORBIDDEN, null,
                denial.name() + ": " + text));
    }
}
