package no.samnav.mappers.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import no.samnav.mappers.Fixtures;
import no.samnav.mappers.KithStandard;
import no.samnav.mappers.Mappers;
import no.samnav.mappers.ReadResult;
import no.samnav.mappers.core.MessageBundles;
import no.samnav.mappers.error.MissingElementException;
import no.samnav.mappers.error.UnsupportedContentException;
import no.samnav.mappers.fhir.Systems;
import no.samnav.mappers.validation.FhirValidation;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;

/** Publication of every official content example (and the synthetic Epikrise 1.1 fixture) to the shared journal. */
class SharedDocumentsTest {

    private static final Mappers MAPPERS = new Mappers();
    private static final FhirContext FHIR = FhirContext.forR4();
    private static final String EPIKRISE_1_1_FIXTURE = "fixture:epikrise/1.1/utskrivning.xml";

    /** A piece of clinical text from each source that the rendering must show. */
    private static final Map<String, String> CLINICAL_TEXT = Map.of(
            "dialogmelding-1.0/foresporsel.xml", "Ber om fornyelse av resept",
            "dialogmelding-1.0/svar-paa-foresporsel.xml", "eresept på cetirizin 10mg tabl og amlodipin 5mg tbl er sendt",
            "dialogmelding-1.1/helsefaglig-dialog.xml", "Ettersender EKG tatt i dag uten funn",
            "epikrise-1.2/epikrise.xml", "Går bra med stokk, litt svimmel.",
            "henvisning-1.1/henvisning.xml", "Enke, bor alene i eget hus.",
            "henvisning-2.0/henvisning-ny-tilstand.xml", "Fraskilt, bor alene i eget hus.",
            "svarrapport-1.4/biokjemi-ny.xml", "P-D-dimer",
            "svarrapport-1.4/mikrobiologi-dyrkning-ny.xml", "Klebsiella pneumoniae",
            EPIKRISE_1_1_FIXTURE, "Laparoskopisk appendektomi 8.1.");

    private static final Publication PUBLICATION = new Publication("6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b",
            "7a2b3c4d-5e6f-4a70-8b9c-0d1e2f3a4b5c", "8b3c4d5e-6f70-4b81-9c0d-1e2f3a4b5c6d", "Balsfjord", "8880099",
            "Storsteinnes legekontor", Instant.parse("2026-02-01T10:00:00Z"));

    static Stream<String> sources() {
        List<String> all = new ArrayList<>(SharedExamples.contentExamples());
        all.add(EPIKRISE_1_1_FIXTURE);
        return all.stream();
    }

    private static byte[] bytes(String source) {
        return source.startsWith("fixture:") ? Fixtures.bytes(source.substring("fixture:".length()))
                : SharedExamples.bytes(source);
    }

    @Test
    void everyContentStandardHasAnOfficialExampleOrFixture() {
        // guards the parameterised test below against a moved examples directory silently testing nothing
        assertThat(sources().map(s -> MAPPERS.read(bytes(s)).standard()).distinct())
                .contains(KithStandard.DIALOGMELDING_1_0, KithStandard.DIALOGMELDING_1_1, KithStandard.HENVISNING_1_1,
                        KithStandard.HENVISNING_2_0, KithStandard.EPIKRISE_1_1, KithStandard.EPIKRISE_1_2,
                        KithStandard.SVARRAPPORT_1_4);
        assertThat(CLINICAL_TEXT.keySet()).containsExactlyInAnyOrderElementsOf(sources().toList());
    }

    @ParameterizedTest
    @MethodSource("sources")
    void publishesTheDocumentReferenceAndBothBinaries(String source) throws Exception {
        byte[] xml = bytes(source);
        ReadResult read = MAPPERS.read(xml);
        SharedDocument shared = SharedDocuments.publish(read, xml, PUBLICATION);
        DocumentReference doc = shared.reference();
        DocumentKind kind = DocumentKind.of(read.standard());

        assertThat(doc.getIdElement().getIdPart()).isEqualTo(PUBLICATION.documentId());
        assertThat(doc.getIdentifierFirstRep().getSystem()).isEqualTo(Systems.URI);
        assertThat(doc.getIdentifierFirstRep().getValue()).isEqualTo("urn:uuid:" + PUBLICATION.documentId());
        assertThat(doc.getMasterIdentifier().getValue()).isNotBlank();
        if (Systems.URI.equals(doc.getMasterIdentifier().getSystem())) {
            assertThat(doc.getMasterIdentifier().getValue()).matches("urn:uuid:[0-9a-f-]{36}");
        }
        assertThat(doc.getStatus().toCode()).isEqualTo("current");
        assertThat(doc.getDocStatus().toCode()).isEqualTo("final");

        // the patient is searchable by the identifier the source gives
        Patient patient = MessageBundles.all(read.bundle(), Patient.class).get(0);
        Identifier subject = doc.getSubject().getIdentifier();
        assertThat(patient.getIdentifier()).anySatisfy(i -> {
            assertThat(i.getSystem()).isEqualTo(subject.getSystem());
            assertThat(i.getValue()).isEqualTo(subject.getValue());
        });
        assertThat(subject.getSystem()).isIn(Systems.FNR, Systems.DNR);
        assertThat(shared.patientIdentifier()).isEqualTo(subject.getValue());

        Coding messageType = MessageBundles.header(read.bundle()).getEventCoding();
        assertThat(doc.getType().getCoding()).extracting(Coding::getSystem, Coding::getCode).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Systems.MESSAGE_TYPE, messageType.getCode()),
                org.assertj.core.groups.Tuple.tuple(Systems.LOINC, kind.loincCode()));
        assertThat(shared.typeCode()).isEqualTo(kind.loincCode());
        assertThat(doc.getCategoryFirstRep().getCodingFirstRep().getSystem()).isEqualTo(Systems.DOCUMENT_CATEGORY);
        assertThat(doc.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo(kind.categoryCode())
                .isEqualTo(shared.categoryCode()).isEqualTo(source.replace("fixture:", "").replaceAll("-[0-9.]+/.*|/.*", ""));
        assertThat(doc.getSecurityLabelFirstRep().getCodingFirstRep().getCode()).isEqualTo("N");
        assertThat(doc.getDate().toInstant()).isEqualTo(shared.date());
        assertThat(shared.date()).as("every example says when it was written").isNotEqualTo(PUBLICATION.publishedAt());

        // the author organisation by HER-id whenever the source names an organisation with one
        boolean sourceHasSenderOrganisation = MessageBundles.all(read.bundle(), Organization.class).stream()
                .anyMatch(o -> o.getIdentifier().stream().anyMatch(i -> Systems.HER.equals(i.getSystem())));
        if (sourceHasSenderOrganisation) {
            assertThat(shared.authorHerId()).isNotBlank();
            assertThat(doc.getAuthor()).anySatisfy(a -> {
                assertThat(a.getIdentifier().getSystem()).isEqualTo(Systems.HER);
                assertThat(a.getIdentifier().getValue()).isEqualTo(shared.authorHerId());
                assertThat(a.getDisplay()).isNotBlank();
            });
        }
        if (shared.authorHpr() != null) {
            assertThat(doc.getAuthor()).anySatisfy(a -> assertThat(a.getIdentifier().getValue()).isEqualTo(shared.authorHpr()));
        }

        Reference place = (Reference) doc.getContext().getExtensionByUrl(JournalExtensions.PLACE_OF_SERVICE).getValue();
        assertThat(place.getIdentifier().getValue()).isEqualTo("8880099");
        assertThat(doc.getContext().getExtensionByUrl(JournalExtensions.SERVING_MUNICIPALITY).getValue().primitiveValue())
                .isEqualTo("Balsfjord");

        assertThat(doc.getContent()).hasSize(2);
        DocumentReference.DocumentReferenceContentComponent original = doc.getContent().get(0);
        assertThat(original.getFormat().getSystem()).isEqualTo(Systems.URI);
        assertThat(original.getFormat().getCode()).isEqualTo(read.standard().namespace());
        assertAttachmentMatches(original, shared.original(), PUBLICATION.originalBinaryId(), "application/xml");
        assertThat(shared.original().getData()).isEqualTo(xml);
        assertAttachmentMatches(doc.getContent().get(1), shared.html(), PUBLICATION.htmlBinaryId(), "text/html; charset=utf-8");

        Document html = parseXml(shared.html().getData());
        String text = html.getDocumentElement().getTextContent();
        assertThat(html.getDocumentElement().getAttribute("lang")).isEqualTo("nb");
        assertThat(text).contains(kind.title());
        assertThat(text).contains(subject.getValue());
        assertThat(text).contains(patient.getNameFirstRep().hasFamily() ? patient.getNameFirstRep().getFamily()
                : patient.getNameFirstRep().getText());
        assertThat(text).contains(CLINICAL_TEXT.get(source));
        assertThat(new String(shared.html().getData(), java.nio.charset.StandardCharsets.UTF_8)).startsWith("<!DOCTYPE html>");
    }

    private static void assertAttachmentMatches(DocumentReference.DocumentReferenceContentComponent content, Binary binary,
            String binaryId, String contentType) throws Exception {
        assertThat(binary.getIdElement().getIdPart()).isEqualTo(binaryId);
        assertThat(binary.getContentType()).isEqualTo(contentType);
        assertThat(content.getAttachment().getContentType()).isEqualTo(contentType);
        assertThat(content.getAttachment().getUrl()).isEqualTo("Binary/" + binaryId);
        assertThat(content.getAttachment().getSize()).isEqualTo(binary.getData().length).isPositive();
        assertThat(content.getAttachment().getHash()).isEqualTo(MessageDigest.getInstance("SHA-1").digest(binary.getData()));
    }

    static Document parseXml(byte[] bytes) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }

    @Test
    void theDocumentReferenceSurvivesJsonAndHasNoR4Errors() {
        FhirValidation validation = new FhirValidation(FHIR);
        for (String source : sources().toList()) {
            byte[] xml = bytes(source);
            DocumentReference doc = SharedDocuments.publish(MAPPERS.read(xml), xml, PUBLICATION).reference();
            String json = FHIR.newJsonParser().encodeResourceToString(doc);
            DocumentReference back = FHIR.newJsonParser().parseResource(DocumentReference.class, json);
            assertThat(FHIR.newJsonParser().encodeResourceToString(back)).as(source + " after JSON").isEqualTo(json);
            assertThat(back.getSubject().getIdentifier().getValue()).isEqualTo(doc.getSubject().getIdentifier().getValue());
            assertThat(back.getContent().get(0).getAttachment().getHash())
                    .isEqualTo(doc.getContent().get(0).getAttachment().getHash());
            assertThat(back.getContext().getExtensionByUrl(JournalExtensions.SERVING_MUNICIPALITY)).isNotNull();
            assertThat(validation.errors(doc)).as(source).isEmpty();
        }
    }

    @Test
    void anAppRecIsNoDocumentToShare() {
        byte[] xml = SharedExamples.bytes("apprec/apprec-1.1-ok.xml");
        assertThatThrownBy(() -> SharedDocuments.publish(MAPPERS.read(xml), xml, PUBLICATION))
                .isInstanceOf(UnsupportedContentException.class).hasMessageContaining("AppRec 1.1");
    }

    @Test
    void aMessageWithoutAPatientIdentifierIsRefused() {
        byte[] xml = SharedExamples.bytes("epikrise-1.2/epikrise.xml");
        ReadResult read = MAPPERS.read(xml);
        MessageBundles.all(read.bundle(), Patient.class).forEach(p -> p.getIdentifier().clear());
        assertThatThrownBy(() -> SharedDocuments.publish(read, xml, PUBLICATION))
                .isInstanceOf(MissingElementException.class).hasMessageContaining("fødselsnummer");
    }

    @Test
    void theDateFallsBackToThePublicationWhenTheSourceHasNone() {
        byte[] xml = SharedExamples.bytes("svarrapport-1.4/biokjemi-ny.xml");
        ReadResult read = MAPPERS.read(xml);
        MessageBundles.all(read.bundle(), org.hl7.fhir.r4.model.DiagnosticReport.class).forEach(r -> r.setIssued(null));
        read.bundle().setTimestamp(null);
        assertThat(SharedDocuments.publish(read, xml, PUBLICATION).date()).isEqualTo(PUBLICATION.publishedAt());
    }
}
