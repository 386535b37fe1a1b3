package no.samnav.mappers.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import no.samnav.mappers.Mappers;
import no.samnav.mappers.ReadResult;
import no.samnav.mappers.core.MessageBundles;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** What the HTML rendering does with hostile text and content it has no special rendering for. */
class DocumentRenderingTest {

    private static final Mappers MAPPERS = new Mappers();

    @Test
    void markupInMessageTextIsEscapedNotInterpreted() throws Exception {
        ReadResult read = MAPPERS.read(SharedExamples.bytes("dialogmelding-1.1/helsefaglig-dialog.xml"));
        String hostile = "<script>alert('x')</script> & \"<img src=x onerror=alert(1)>\" ]]>";
        MessageBundles.all(read.bundle(), Communication.class).get(0).getPayloadFirstRep().setContent(new StringType(hostile));
        MessageBundles.all(read.bundle(), Patient.class).get(0).getNameFirstRep().setFamily("</title><b>Danser");

        byte[] html = DocumentRendering.render(read);
        String page = new String(html, StandardCharsets.UTF_8);
        assertThat(page).doesNotContain("<script").doesNotContain("<img").doesNotContain("<b>");
        assertThat(page).contains("&lt;script>").contains("&amp;");

        Document parsed = SharedDocumentsTest.parseXml(html);
        assertThat(parsed.getElementsByTagNameNS("http://www.w3.org/1999/xhtml", "script").getLength()).isZero();
        assertThat(parsed.getDocumentElement().getTextContent()).contains(hostile).contains("</title><b>Danser");
    }

    @Test
    void aFocusWithoutItsOwnRenderingIsShownByTypeAndNarrative() throws Exception {
        ReadResult read = MAPPERS.read(SharedExamples.bytes("dialogmelding-1.1/helsefaglig-dialog.xml"));
        // a further document the renderer has no special form for: a Basic with a narrative
        org.hl7.fhir.r4.model.Basic basic = new org.hl7.fhir.r4.model.Basic();
        basic.setId("extra");
        basic.getText().setStatus(org.hl7.fhir.r4.model.Narrative.NarrativeStatus.ADDITIONAL)
                .setDivAsString("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Syntetisk tilleggsnotat</p></div>");
        read.bundle().addEntry().setFullUrl("urn:uuid:9e8d7c6b-5a49-4382-9716-a5b4c3d2e1f0").setResource(basic);
        MessageBundles.header(read.bundle()).addFocus().setReference("urn:uuid:9e8d7c6b-5a49-4382-9716-a5b4c3d2e1f0");

        String text = SharedDocumentsTest.parseXml(DocumentRendering.render(read)).getDocumentElement().getTextContent();
        assertThat(text).contains("Basic").contains("Syntetisk tilleggsnotat");
    }

    @Test
    void charactersXmlCannotCarryAreDropped() {
        assertThat(DocumentRendering.clean("a\u0000b\u0007c\uD83D\uDE00d\uD800")).isEqualTo("abc\uD83D\uDE00d");
    }
}
