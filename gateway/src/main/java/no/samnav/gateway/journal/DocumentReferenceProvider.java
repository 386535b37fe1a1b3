package no.samnav.gateway.journal;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.ArrayList;
import java.util.List;
import no.samnav.gateway.security.Scopes;
import no.samnav.mappers.fhir.Systems;
import no.samnav.mappers.identifiers.NorwegianIds;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.IdType;

/**
 * IHE MHD Find Document References (ITI-67) and the read of one DocumentReference: only for a
 * reader with a care relationship to the patient (or an emergency access), every search and read
 * audited, denials included.
 */
public class DocumentReferenceProvider implements IResourceProvider {

    private final JournalStore store;
    private final JournalAccess access;
    private final FhirContext fhir;
    private final int maxResults;

    public DocumentReferenceProvider(JournalStore store, JournalAccess access, FhirContext fhir, int maxResults) {
        this.store = store;
        this.access = access;
        this.fhir = fhir;
        this.maxResults = maxResults;
    }

    @Override
    public Class<DocumentReference> getResourceType() {
        return DocumentReference.class;
    }

    /** ITI-68's companion: one DocumentReference by id. */
    @Read
    public DocumentReference read(@IdParam IdType id) {
        AccessPolicy.Reader reader = access.reader(Scopes.JOURNAL_READ);
        JournalStore.Entry entry = store.byId(id.getIdPart()).orElseThrow(() ->
                new ResourceNotFoundException("There is no DocumentReference " + id.getIdPart()));
        AccessPolicy.Decision decision = access.decide(reader, entry.patientId());
        if (!decision.allowed()) throw access.deny(AuditTrail.Action.READ, reader, entry.patientId(), decision);
        access.allowed(AuditTrail.Action.READ, reader, entry.patientId(), List.of(entry.id()), decision);
        return parse(entry);
    }

    /**
     * ITI-67: the documents of one patient ({@code patient.identifier=system|value}, FNR or
     * D-number), optionally by status, type, category, date and author, newest first.
     */
    @Search
    public List<DocumentReference> find(
            @RequiredParam(name = DocumentReference.SP_PATIENT, chainWhitelist = {"identifier"}) ReferenceParam patient,
            @OptionalParam(name = DocumentReference.SP_STATUS) TokenOrListParam status,
            @OptionalParam(name = DocumentReference.SP_TYPE) TokenOrListParam type,
            @OptionalParam(name = DocumentReference.SP_CATEGORY) TokenOrListParam category,
            @OptionalParam(name = DocumentReference.SP_DATE) DateRangeParam date,
            @OptionalParam(name = DocumentReference.SP_AUTHOR, chainWhitelist = {"identifier"}) ReferenceParam author,
            @Count Integer count) {
        AccessPolicy.Reader reader = access.reader(Scopes.JOURNAL_READ);
        String patientId = patientIdentifier(patient, "patient.identifier");
        AccessPolicy.Decision decision = access.decide(reader, patientId);
        if (!decision.allowed()) throw access.deny(AuditTrail.Action.SEARCH, reader, patientId, decision);
        List<String> authors = author == null ? List.of() : List.of(identifierValue(author.getValue()));
        int limit = count == null ? maxResults : Math.max(0, Math.min(count, maxResults));
        List<JournalStore.Entry> found = store.find(patientId, new JournalStore.Criteria(codes(status), codes(type),
                codes(category), date == null || date.getLowerBoundAsInstant() == null ? null
                        : date.getLowerBoundAsInstant().toInstant(),
                date == null || date.getUpperBoundAsInstant() == null ? null : upper(date), authors, limit));
        List<DocumentReference> result = new ArrayList<>(found.size());
        for (JournalStore.Entry e : found) result.add(parse(e));
        access.allowed(AuditTrail.Action.SEARCH, reader, patientId, found.stream().map(JournalStore.Entry::id).toList(),
                decision);
        return result;
    }

    /** An exclusive upper bound: {@code date=le2026-12-03} includes the whole day. */
    private static java.time.Instant upper(DateRangeParam date) {
        java.util.Date upper = date.getUpperBoundAsInstant();
        boolean inclusive = date.getUpperBound().getPrefix() == null
                || date.getUpperBound().getPrefix() == ca.uhn.fhir.rest.param.ParamPrefixEnum.LESSTHAN_OR_EQUALS
                || date.getUpperBound().getPrefix() == ca.uhn.fhir.rest.param.ParamPrefixEnum.EQUAL;
        return inclusive ? upper.toInstant().plusMillis(1) : upper.toInstant();
    }

    private DocumentReference parse(JournalStore.Entry entry) {
        return fhir.newJsonParser().parseResource(DocumentReference.class, entry.json());
    }

    /** The FNR, D-number or hjelpenummer of {@code patient.identifier=system|value}; 400 for anything else. */
    static String patientIdentifier(ReferenceParam patient, String name) {
        if (!"identifier".equals(patient.getChain())) {
            throw new InvalidRequestException("Search by " + name + "=" + Systems.FNR + "|<fødselsnummer>");
        }
        String raw = patient.getValue();
        int bar = raw.indexOf('|');
        String system = bar < 0 ? null : raw.substring(0, bar);
        String value = bar < 0 ? raw : raw.substring(bar + 1);
        if (system != null && !system.isEmpty() && !PatientIdentifiers.isPersonNumberSystem(system)) {
            throw new InvalidRequestException(name + ": the system must be " + Systems.FNR + " (fødselsnummer), "
                    + Systems.DNR + " (D-nummer) or " + Systems.FHN + " (felles hjelpenummer)");
        }
        if (!NorwegianIds.isValidPersonNumber(value)) {
            throw new InvalidRequestException(name + ": the value is no valid fødselsnummer, D-nummer or hjelpenummer");
        }
        return value;
    }

    private static String identifierValue(String raw) {
        int bar = raw.indexOf('|');
        return bar < 0 ? raw : raw.substring(bar + 1);
    }

    private static List<String> codes(TokenOrListParam param) {
        if (param == null) return List.of();
        List<String> codes = new ArrayList<>();
        for (TokenParam t : param.getValuesAsQueryTokens()) codes.add(t.getValue());
        return codes;
    }
}
