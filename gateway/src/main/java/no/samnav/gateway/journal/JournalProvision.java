package no.samnav.gateway.journal;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import no.samnav.gateway.fhir.FhirErrors;
import no.samnav.gateway.registry.Participant;
import no.samnav.mappers.fhir.Systems;
import no.samnav.mappers.journal.DocumentKind;
import no.samnav.mappers.journal.JournalExtensions;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * IHE MHD Provide Document Bundle (ITI-65) for EHRs that publish directly: checks every
 * DocumentReference (patient, master identifier, category, content), stores the documents with
 * their Binaries in one transaction, supersedes the documents they replace, and answers with a
 * transaction-response. Anything wrong answers 422 with the FHIRPath of the problem, and nothing
 * of the Bundle is stored.
 */
@Service
public class JournalProvision {

    private static final String SAMNAV_CATEGORY = "http://samnav.no/fhir/CodeSystem/document-category";

    private final JournalStore store;
    private final CareRecords records;
    private final TransactionTemplate transactions;
    private final FhirContext fhir;
    private final Clock clock;

    public JournalProvision(JournalStore store, CareRecords records, TransactionTemplate transactions, FhirContext fhir,
            Clock clock) {
        this.store = store;
        this.records = records;
        this.transactions = transactions;
        this.fhir = fhir;
        this.clock = clock;
    }

    private record Prepared(int entry, JournalStore.Entry document, List<JournalStore.Content> contents,
            JournalStore.Entry replaced, DocumentReference replacedResource) {
    }

    /** Publishes the Bundle's documents as {@code publishers}' (the participants the client acts for). */
    public Bundle provide(Bundle bundle, List<Participant> publishers) {
        if (publishers.isEmpty()) {
            throw new ForbiddenOperationException("The client is registered for no participant of the cooperation"
                    + " (api-clients in the cooperation file)");
        }
        Participant publisher = publishers.get(0);
        if (bundle.getType() != Bundle.BundleType.TRANSACTION) {
            throw unprocessable(OperationOutcome.IssueType.VALUE, "Bundle.type",
                    "ITI-65 takes a transaction Bundle (type transaction)");
        }
        Map<String, Binary> binaries = new HashMap<>();
        for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
            if (e.getResource() instanceof Binary b && e.getFullUrl() != null) binaries.put(e.getFullUrl(), b);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<Prepared> prepared = new ArrayList<>();
        Set<String> masters = new HashSet<>();
        Map<String, String> binaryIds = new HashMap<>();
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            Resource resource = bundle.getEntry().get(i).getResource();
            if (resource instanceof DocumentReference doc) {
                Prepared p = prepare(i, doc, binaries, binaryIds, publisher, now);
                if (!masters.add(p.document().masterId())) {
                    throw unprocessable(OperationOutcome.IssueType.DUPLICATE, path(i, "masterIdentifier"),
                            "Two documents in the Bundle have the same masterIdentifier");
                }
                prepared.add(p);
            } else if (resource == null) {
                throw unprocessable(OperationOutcome.IssueType.REQUIRED, "Bundle.entry[" + i + "].resource",
                        "Every entry needs a resource");
            } else if (!(resource instanceof Binary) && !(resource instanceof org.hl7.fhir.r4.model.ListResource)) {
                throw unprocessable(OperationOutcome.IssueType.NOTSUPPORTED, "Bundle.entry[" + i + "].resource",
                        resource.fhirType() + " is not part of an ITI-65 Provide Document Bundle (List, DocumentReference, Binary)");
            }
        }
        if (prepared.isEmpty()) {
            throw unprocessable(OperationOutcome.IssueType.REQUIRED, "Bundle.entry",
                    "The Bundle holds no DocumentReference");
        }
        transactions.executeWithoutResult(tx -> {
            for (Prepared p : prepared) {
                store.insert(p.document(), p.contents());
                if (p.replaced() != null) {
                    p.replacedResource().setStatus(Enumerations.DocumentReferenceStatus.SUPERSEDED);
                    p.replacedResource().getMeta().setVersionId(String.valueOf(p.replaced().version() + 1))
                            .setLastUpdated(java.util.Date.from(now));
                    store.supersede(p.replaced().id(), fhir.newJsonParser().encodeResourceToString(p.replacedResource()), now);
                }
            }
        });
        Bundle response = new Bundle().setType(Bundle.BundleType.TRANSACTIONRESPONSE);
        Map<Integer, Prepared> byEntry = new HashMap<>();
        for (Prepared p : prepared) byEntry.put(p.entry(), p);
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            Bundle.BundleEntryComponent in = bundle.getEntry().get(i);
            Bundle.BundleEntryResponseComponent out = response.addEntry().getResponse();
            if (byEntry.containsKey(i)) {
                out.setStatus("201 Created").setLocation("DocumentReference/" + byEntry.get(i).document().id() + "/_history/1")
                        .setLastModified(java.util.Date.from(now));
            } else if (in.getResource() instanceof Binary && binaryIds.containsKey(in.getFullUrl())) {
                out.setStatus("201 Created").setLocation("Binary/" + binaryIds.get(in.getFullUrl()));
            } else {
                // the submission set is the request itself: the documents it lists are what is kept
                out.setStatus("200 OK");
            }
        }
        return response;
    }

    private Prepared prepare(int i, DocumentReference submitted, Map<String, Binary> binaries,
            Map<String, String> binaryIds, Participant publisher, Instant now) {
        DocumentReference doc = submitted.copy();
        Identifier subject = doc.getSubject().getIdentifier();
        if (subject == null || subject.getValue() == null) {
            throw unprocessable(OperationOutcome.IssueType.REQUIRED, path(i, "subject.identifier"),
                    "The patient is identified by subject.identifier (fødselsnummer, D-nummer or felles hjelpenummer)");
        }
        String patientId = PatientIdentifiers.require(fhir, subject, false, path(i, "subject.identifier"));
        if (!doc.hasMasterIdentifier() || !doc.getMasterIdentifier().hasValue()) {
            throw unprocessable(OperationOutcome.IssueType.REQUIRED, path(i, "masterIdentifier"),
                    "The document's unique id (masterIdentifier) is required");
        }
        String masterId = doc.getMasterIdentifier().getValue();
        if (masterId.length() > 200) {
            throw unprocessable(OperationOutcome.IssueType.TOOLONG, path(i, "masterIdentifier.value"),
                    "masterIdentifier is longer than 200 characters");
        }
        if (store.byMasterId(masterId).isPresent()) {
            throw unprocessable(OperationOutcome.IssueType.DUPLICATE, path(i, "masterIdentifier"),
                    "A document with this masterIdentifier is published already; a new version replaces it"
                            + " (relatesTo.code = replaces) under a new masterIdentifier");
        }
        DocumentKind kind = kind(i, doc);
        if (records.objects(patientId, now)) {
            throw unprocessable(OperationOutcome.IssueType.BUSINESSRULE, path(i, "subject"),
                    "The patient has reserved against sharing: the document is not published");
        }
        if (!doc.hasContent()) {
            throw unprocessable(OperationOutcome.IssueType.REQUIRED, path(i, "content"), "The document has no content");
        }
        String id = UUID.randomUUID().toString();
        List<JournalStore.Content> contents = new ArrayList<>();
        for (int c = 0; c < doc.getContent().size(); c++) {
            Attachment a = doc.getContent().get(c).getAttachment();
            String where = path(i, "content[" + c + "].attachment");
            byte[] data;
            String contentType;
            if (a.hasData()) {
                data = a.getData();
                contentType = a.getContentType();
            } else if (a.hasUrl() && binaries.containsKey(a.getUrl())) {
                Binary b = binaries.get(a.getUrl());
                data = b.getData();
                contentType = b.getContentType() != null ? b.getContentType() : a.getContentType();
            } else {
                throw unprocessable(OperationOutcome.IssueType.NOTFOUND, where + ".url",
                        "The attachment's url names no Binary of the Bundle (by fullUrl), and it has no data");
            }
            if (data == null || data.length == 0) {
                throw unprocessable(OperationOutcome.IssueType.REQUIRED, where, "The document content is empty");
            }
            if (contentType == null || contentType.isBlank()) {
                throw unprocessable(OperationOutcome.IssueType.REQUIRED, where + ".contentType", "contentType is required");
            }
            String binaryId = UUID.randomUUID().toString();
            if (a.hasUrl()) binaryIds.put(a.getUrl(), binaryId);
            contents.add(new JournalStore.Content(binaryId, id, contentType, data));
            a.setData(null).setUrl("Binary/" + binaryId).setContentType(contentType).setSize(data.length)
                    .setHash(sha1(data));
        }
        JournalStore.Entry replaced = null;
        DocumentReference replacedResource = null;
        for (DocumentReference.DocumentReferenceRelatesToComponent r : doc.getRelatesTo()) {
            if (r.getCode() != DocumentReference.DocumentRelationshipType.REPLACES) continue;
            String target = r.getTarget().getReferenceElement().getIdPart();
            JournalStore.Entry old = target == null ? null : store.byId(target).orElse(null);
            if (old == null || !"current".equals(old.status())) {
                throw unprocessable(OperationOutcome.IssueType.NOTFOUND, path(i, "relatesTo.target"),
                        "The document to replace is not a current document of the shared journal");
            }
            if (!old.patientId().equals(patientId) || !old.publisher().equals(publisher.id())) {
                throw unprocessable(OperationOutcome.IssueType.BUSINESSRULE, path(i, "relatesTo.target"),
                        "Only the publisher replaces a document, and only with a document about the same patient");
            }
            replaced = old;
            replacedResource = fhir.newJsonParser().parseResource(DocumentReference.class, old.json());
        }
        doc.setId(id);
        doc.getIdentifier().removeIf(ident -> "urn:ietf:rfc:3986".equals(ident.getSystem())
                && ident.getValue() != null && ident.getValue().startsWith("urn:uuid:"));
        doc.addIdentifier().setSystem("urn:ietf:rfc:3986").setValue("urn:uuid:" + id);
        doc.setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
        doc.getMeta().setVersionId("1").setLastUpdated(java.util.Date.from(now));
        doc.setSubject(new Reference().setIdentifier(new Identifier().setSystem(subject.getSystem()).setValue(patientId)));
        if (!doc.getContext().hasExtension(JournalExtensions.PLACE_OF_SERVICE)) {
            doc.getContext().addExtension(JournalExtensions.PLACE_OF_SERVICE, new Reference().setType("Organization")
                    .setDisplay(publisher.name()).setIdentifier(new Identifier().setSystem(Systems.HER)
                            .setValue(publisher.primaryHerId())));
        }
        if (!doc.getContext().hasExtension(JournalExtensions.SERVING_MUNICIPALITY) && publisher.municipality() != null) {
            doc.getContext().addExtension(JournalExtensions.SERVING_MUNICIPALITY,
                    new org.hl7.fhir.r4.model.StringType(publisher.municipality()));
        }
        Instant date = doc.hasDate() ? doc.getDate().toInstant() : now;
        String authorHer = null, authorHpr = null;
        for (Reference author : doc.getAuthor()) {
            Identifier ident = author.getIdentifier();
            if (ident == null) continue;
            if (Systems.HER.equals(ident.getSystem()) && authorHer == null) authorHer = ident.getValue();
            if (Systems.HPR.equals(ident.getSystem()) && authorHpr == null) authorHpr = ident.getValue();
        }
        String json = fhir.newJsonParser().encodeResourceToString(doc);
        return new Prepared(i, new JournalStore.Entry(id, masterId, patientId, kind.loincCode(), kind.categoryCode(),
                date, authorHer, authorHpr, "current", publisher.id(), null, replaced == null ? null : replaced.id(), 1,
                now, json), contents, replaced, replacedResource);
    }

    /** The document's kind from its Samnav category, or else from its LOINC type. */
    private DocumentKind kind(int i, DocumentReference doc) {
        for (var category : doc.getCategory()) {
            for (Coding c : category.getCoding()) {
                if (!SAMNAV_CATEGORY.equals(c.getSystem())) continue;
                for (DocumentKind k : DocumentKind.values()) if (k.categoryCode().equals(c.getCode())) return k;
            }
        }
        for (Coding c : doc.getType().getCoding()) {
            if (!"http://loinc.org".equals(c.getSystem())) continue;
            for (DocumentKind k : DocumentKind.values()) if (c.getCode() != null && c.getCode().equals(k.loincCode())) return k;
        }
        throw unprocessable(OperationOutcome.IssueType.CODEINVALID, path(i, "category"),
                "The document needs a category of " + SAMNAV_CATEGORY + " (epikrise, henvisning, dialogmelding,"
                        + " svarrapport, svangerskap) or a LOINC type the shared journal knows (18842-5, 57133-1, 34109-9, 11502-2)");
    }

    private static String path(int entry, String element) {
        return "Bundle.entry[" + entry + "].resource." + element;
    }

    private ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException unprocessable(
            OperationOutcome.IssueType type, String expression, String text) {
        return FhirErrors.unprocessable(fhir, type, expression, text);
    }

    private static byte[] sha1(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
