package no.samnav.gateway.journal;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.annotation.Transaction;
import ca.uhn.fhir.rest.annotation.TransactionParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import no.samnav.gateway.fhir.ApiAccess;
import no.samnav.gateway.fhir.FhirErrors;
import no.samnav.gateway.security.Scopes;
import no.samnav.mappers.identifiers.NorwegianIds;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.StringType;

/**
 * The shared journal's system-level interactions: IHE MHD Provide Document Bundle (ITI-65, a
 * transaction), emergency access ({@code $emergency-access}) and the readable patient access log
 * ({@code $access-log}, HTML or CSV).
 */
public class JournalOperations {

    private final JournalProvision provision;
    private final JournalAccess access;
    private final CareRecords records;
    private final AuditTrail audit;
    private final ApiAccess api;
    private final JournalSettings settings;
    private final Clock clock;
    private final FhirContext fhir;

    public JournalOperations(JournalProvision provision, JournalAccess access, CareRecords records, AuditTrail audit,
            ApiAccess api, JournalSettings settings, Clock clock, FhirContext fhir) {
        this.provision = provision;
        this.access = access;
        this.records = records;
        this.audit = audit;
        this.api = api;
        this.settings = settings;
        this.clock = clock;
        this.fhir = fhir;
    }

    /** ITI-65: publishes the DocumentReferences of a transaction Bundle with their Binaries. */
    @Transaction
    public Bundle provide(@TransactionParam Bundle bundle) {
        return provision.provide(bundle, api.participantsOf(api.require(Scopes.JOURNAL_WRITE)));
    }

    /**
     * Emergency access ("break the glass"): the person, acting for a member organisation, reads the
     * patient's documents without a care relationship and despite an objection, for
     * {@code samnav.journal.emergency-access-duration}; needs a reason; audited and listed for
     * follow-up.
     */
    @Operation(name = "$emergency-access")
    public Parameters emergencyAccess(@OperationParam(name = "patient", min = 1, max = 1) Identifier patient,
            @OperationParam(name = "reason", min = 1, max = 1) StringType reason) {
        AccessPolicy.Reader reader = access.reader(Scopes.JOURNAL_READ);
        String patientId = PatientIdentifiers.require(fhir, patient, true,
                "Parameters.parameter.where(name='patient').valueIdentifier");
        String why = reason == null || reason.getValue() == null ? "" : reason.getValue().trim();
        if (why.length() < settings.emergencyReasonMinLength()) {
            throw FhirErrors.unprocessable(fhir, OperationOutcome.IssueType.REQUIRED,
                    "Parameters.parameter.where(name='reason').valueString", "Emergency access needs a reason of at least "
                            + settings.emergencyReasonMinLength() + " characters: why the patient's care needs it now");
        }
        if (why.length() > 1000) {
            throw FhirErrors.unprocessable(fhir, OperationOutcome.IssueType.TOOLONG,
                    "Parameters.parameter.where(name='reason').valueString", "The reason is longer than 1000 characters");
        }
        var denial = access.policy().mayDeclareEmergency(reader);
        if (denial.isPresent()) {
            throw access.deny(AuditTrail.Action.EMERGENCY_ACCESS, reader, patientId,
                    new AccessPolicy.Decision(null, denial.get(), null));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        CareRecords.EmergencyAccess grant = records.grantEmergencyAccess(patientId, reader.hprNumber(),
                String.join(",", reader.participants()), reader.clientId(), why, now,
                now.plus(settings.emergencyAccessDuration()));
        access.allowed(AuditTrail.Action.EMERGENCY_ACCESS, reader, patientId, List.of(),
                new AccessPolicy.Decision(AccessPolicy.Basis.EMERGENCY_ACCESS, null, grant.id()));
        Parameters result = new Parameters();
        result.addParameter("id", new StringType(grant.id()));
        result.addParameter("expires", new InstantType(java.util.Date.from(grant.expiresAt())));
        result.addParameter("follow-up", new StringType("The access is recorded and will be followed up"));
        return result;
    }

    /**
     * The patient access log, readable: who searched, read or retrieved which of the patient's
     * documents, when, for which organisation and why, denials included; {@code format=html} (default) or {@code csv}.
     */
    @Operation(name = "$access-log", idempotent = true, manualResponse = true)
    public void accessLog(@OperationParam(name = "patient", min = 1, max = 1) StringType patient,
            @OperationParam(name = "format", max = 1) StringType format, HttpServletResponse response)
            throws IOException {
        api.require(Scopes.AUDIT_READ);
        String patientId = patient == null ? null : patient.getValue();
        if (!NorwegianIds.isValidPersonNumber(patientId)) {
            throw new InvalidRequestException("patient: give the patient's fødselsnummer, D-nummer or hjelpenummer");
        }
        List<AuditTrail.Record> records = audit.forPatient(patientId, 10_000);
        String wanted = format == null || format.getValue() == null ? "html" : format.getValue();
        byte[] body;
        if (wanted.equals("csv")) {
            response.setContentType("text/csv;charset=UTF-8");
            response.setHeader("Content-Disposition", "attachment; filename=\"innsynslogg.csv\"");
            body = AccessLogPage.csv(records).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } else if (wanted.equals("html")) {
            response.setContentType("text/html;charset=UTF-8");
            body = AccessLogPage.html(records, clock.instant());
        } else {
            throw new InvalidRequestException("format: html or csv");
        }
        response.setStatus(200);
        response.getOutputStream().write(body);
    }
}
