package no.samnav.gateway.journal;

import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.List;
import no.samnav.gateway.fhir.ApiAccess;
import no.samnav.gateway.security.Scopes;
import org.hl7.fhir.r4.model.AuditEvent;

/** The patient access log as FHIR: {@code GET /fhir/AuditEvent?patient.identifier=...}, for holders of {@code samnav/audit.read}. */
public class AuditEventProvider implements IResourceProvider {

    private final AuditTrail audit;
    private final ApiAccess api;

    public AuditEventProvider(AuditTrail audit, ApiAccess api) {
        this.audit = audit;
        this.api = api;
    }

    @Override
    public Class<AuditEvent> getResourceType() {
        return AuditEvent.class;
    }

    @Search
    public List<AuditEvent> forPatient(
            @RequiredParam(name = AuditEvent.SP_PATIENT, chainWhitelist = {"identifier"}) ReferenceParam patient) {
        api.require(Scopes.AUDIT_READ);
        String patientId = DocumentReferenceProvider.patientIdentifier(patient, "patient.identifier");
        return audit.forPatient(patientId, 10_000).stream().map(AuditEvents::toFhir).toList();
    }
}
