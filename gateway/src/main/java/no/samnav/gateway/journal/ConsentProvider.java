package no.samnav.gateway.journal;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import no.samnav.gateway.fhir.FhirErrors;
import no.samnav.gateway.security.Scopes;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * A patient's objection to the shared journal, as a FHIR {@code Consent} that denies (modelled on
 * the Personvern standards: {@code reservasjon} against shared access, {@code tilgangsbegrensning}):
 * recorded by a person at a member organisation the patient told; withdrawn by setting the Consent
 * {@code inactive}. While in force, nothing about the patient is published and nobody reads the
 * patient's documents except by emergency access.
 */
public class ConsentProvider implements IResourceProvider {

    /** The kinds of objection, by the Personvern standard they follow. */
    public static final String KIND_SYSTEM = "http://samnav.no/fhir/CodeSystem/personvern";

    private final CareRecords records;
    private final JournalAccess access;
    private final FhirContext fhir;
    private final Clock clock;

    public ConsentProvider(CareRecords records, JournalAccess access, FhirContext fhir, Clock clock) {
        this.records = records;
        this.access = access;
        this.fhir = fhir;
        this.clock = clock;
    }

    @Override
    public Class<Consent> getResourceType() {
        return Consent.class;
    }

    @Create
    public MethodOutcome create(@ResourceParam Consent consent) {
        AccessPolicy.Reader reader = recorder();
        if (consent.getStatus() != Consent.ConsentState.ACTIVE) {
            throw FhirErrors.unprocessable(fhir, OperationOutcome.IssueType.VALUE, "Consent.status",
                    "A new objection has status active");
        }
        if (consent.getProvision().getType() != Consent.ConsentProvisionType.DENY) {
            throw FhirErrors.unprocessable(fhir, OperationOutcome.IssueType.VALUE, "Consent.provision.type",
                    "An objection denies (provision.type = deny); the shared journal needs no consent to share");
        }
        String kind = null;
        for (var category : consent.getCategory()) {
            for (Coding c : category.getCoding()) {
                if (KIND_SYSTEM.equals(c.getSystem()) && ("reservasjon".equals(c.getCode())
                        || "tilgangsbegrensning".equals(c.getCode()))) kind = c.getCode();
            }
        }
        if (kind == null) {
            throw FhirErrors.unprocessable(fhir, OperationOutcome.IssueType.CODEINVALID, "Consent.category",
                    "The category is " + KIND_SYSTEM + " reservasjon or tilgangsbegrensning");
        }
        String patientId = PatientIdentifiers.require(fhir, consent.getPatient().getIdentifier(), false,
                "Consent.patient.identifier");
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant from = consent.hasDateTime() && consent.getDateTime().toInstant().isAfter(now)
                ? consent.getDateTime().toInstant() : now;
        CareRecords.Objection objection = records.recordObjection(patientId, kind, from,
                String.join(",", reader.participants()), reader.hprNumber(), now);
        consent.setId(objection.id());
        return new MethodOutcome(new IdType("Consent", objection.id()), true).setResource(consent);
    }

    /** Withdraws an objection: the same Consent with status {@code inactive}. */
    @Update
    public MethodOutcome update(@IdParam IdType id, @ResourceParam Consent consent) {
        recorder();
        CareRecords.Objection objection = records.objection(id.getIdPart()).orElseThrow(() ->
                new ResourceNotFoundException("There is no objection Consent/" + id.getIdPart()));
        if (consent.getStatus() != Consent.ConsentState.INACTIVE) {
            throw FhirErrors.unprocessable(fhir, OperationOutcome.IssueType.VALUE, "Consent.status",
                    "An objection changes only by being withdrawn (status inactive)");
        }
        records.withdrawObjection(objection.id(), clock.instant().truncatedTo(ChronoUnit.MICROS));
        consent.setId(objection.id());
        return new MethodOutcome(new IdType("Consent", objection.id()), false).setResource(consent);
    }

    /** A person acting for a member organisation, with the write scope. */
    private AccessPolicy.Reader recorder() {
        AccessPolicy.Reader reader = access.reader(Scopes.JOURNAL_WRITE);
        var denial = access.policy().mayDeclareEmergency(reader);
        if (denial.isPresent()) throw access.denied(denial.get());
        return reader;
    }
}
