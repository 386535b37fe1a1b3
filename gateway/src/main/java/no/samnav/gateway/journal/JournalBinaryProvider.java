package no.samnav.gateway.journal;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import no.samnav.gateway.security.Scopes;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.IdType;

/**
 * IHE MHD Retrieve Document (ITI-68): the content a DocumentReference points at
 * ({@code Binary/<id>}), raw with its own content type unless the client asks for FHIR; under the
 * same access policy as the document, audited.
 */
public class JournalBinaryProvider implements IResourceProvider {

    private final JournalStore store;
    private final JournalAccess access;
    private final JournalPublisher publisher;

    public JournalBinaryProvider(JournalStore store, JournalAccess access, JournalPublisher publisher) {
        this.store = store;
        this.access = access;
        this.publisher = publisher;
    }

    @Override
    public Class<Binary> getResourceType() {
        return Binary.class;
    }

    @Read
    public Binary read(@IdParam IdType id) {
        AccessPolicy.Reader reader = access.reader(Scopes.JOURNAL_READ);
        JournalStore.Content content = store.content(id.getIdPart()).orElseThrow(() ->
                new ResourceNotFoundException("There is no document content Binary/" + id.getIdPart()));
        JournalStore.Entry document = store.byId(content.documentId()).orElseThrow();
        AccessPolicy.Decision decision = access.decide(reader, document.patientId());
        if (!decision.allowed()) throw access.deny(AuditTrail.Action.RETRIEVE, reader, document.patientId(), decision);
        access.allowed(AuditTrail.Action.RETRIEVE, reader, document.patientId(), List.of(document.id()), decision);
        Binary binary = new Binary();
        binary.setId(content.id());
        binary.setContentType(content.contentType());
        binary.setData(publisher.bytes(content, document));
        return binary;
    }
}
