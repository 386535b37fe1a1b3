package no.samnav.gateway.journal;

import java.util.Date;
import no.samnav.mappers.fhir.Systems;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;

/** The audit trail as FHIR {@code AuditEvent}s (IHE BALP-like: who, for whom, which patient, what, why, outcome). */
final class AuditEvents {

    private static final String DCM = "http://dicom.nema.org/resources/ontology/DCM";
    private static final String RESTFUL = "http://hl7.org/fhir/restful-interaction";
    private static final String ACT_REASON = "http://terminology.hl7.org/CodeSystem/v3-ActReason";

    private AuditEvents() {
    }

    static AuditEvent toFhir(AuditTrail.Record r) {
        AuditEvent e = new AuditEvent();
        e.setId(r.id());
        e.setType(new Coding(DCM, "110110", "Patient Record"));
        switch (r.action()) {
            case SEARCH -> {
                e.addSubtype(new Coding(RESTFUL, "search-type", "search type"));
                e.setAction(AuditEvent.AuditEventAction.E);
            }
            case READ, RETRIEVE -> {
                e.addSubtype(new Coding(RESTFUL, "read", "read"));
                e.setAction(AuditEvent.AuditEventAction.R);
            }
            case EMERGENCY_ACCESS -> {
                e.addSubtype(new Coding(ACT_REASON, "BTG", "break the glass"));
                e.setAction(AuditEvent.AuditEventAction.E);
            }
            case OPERATOR_REVEAL -> {
                e.addSubtype(new Coding(RESTFUL, "read", "read"));
                e.setAction(AuditEvent.AuditEventAction.R);
            }
        }
        e.setRecorded(Date.from(r.recorded()));
        e.setOutcome(r.allowed() ? AuditEvent.AuditEventOutcome._0 : AuditEvent.AuditEventOutcome._4);
        e.setOutcomeDesc((r.allowed() ? "allowed: " : "denied: ") + r.detail());
        e.addPurposeOfEvent(new CodeableConcept(new Coding(ACT_REASON, r.purpose(),
                switch (r.purpose()) {
                    case "ETREAT" -> "Emergency Treatment";
                    case "HOPERAT" -> "healthcare operations";
                    default -> "treatment";
                })));
        AuditEvent.AuditEventAgentComponent person = e.addAgent().setRequestor(true);
        if (r.readerHpr() != null) {
            person.setWho(new Reference().setIdentifier(new Identifier().setSystem(Systems.HPR).setValue(r.readerHpr())));
        }
        person.setName(r.readerOrgs());
        e.addAgent().setRequestor(false).setWho(new Reference().setIdentifier(
                new Identifier().setSystem("urn:ietf:rfc:3986").setValue("client_id:" + r.clientId())));
        e.getSource().setObserver(new Reference().setDisplay("Samnav gateway"));
        if (r.patientId() != null) {
            e.addEntity().setWhat(new Reference().setIdentifier(new Identifier()
                    .setSystem(r.patientId().charAt(0) >= '4' ? Systems.DNR : Systems.FNR).setValue(r.patientId())))
                    .setRole(new Coding("http://terminology.hl7.org/CodeSystem/object-role", "1", "Patient"));
        }
        for (String document : r.documents()) {
            e.addEntity().setWhat(new Reference("DocumentReference/" + document))
                    .setRole(new Coding("http://terminology.hl7.org/CodeSystem/object-role", "3", "Report"));
        }
        if (r.emergencyAccessId() != null) {
            e.addEntity().setWhat(new Reference().setDisplay("emergency access " + r.emergencyAccessId()));
        }
        return e;
    }
}
