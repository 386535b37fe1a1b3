package no.samnav.mappers.pregnancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class PregnancyCardRenderingTest {

    private static final String XHTML = "http://www.w3.org/1999/xhtml";

    private static CardView view(List<AntenatalCheck> checks, PregnancyBackground background) {
        return new CardView("Kari Nordmann", "12059248241", background, checks, "Balsfjord", "Storfjord",
                "Versjon 3, skrevet ut 04.03.2026 kl. 10:15");
    }

    @Test
    void aWellFormedStrictXhtmlDocumentInBokmalForA4Landscape() throws Exception {
        String xhtml = PregnancyCardRendering.xhtml(view(
                List.of(PregnancyFixtures.fullCheck(), PregnancyFixtures.sparseCheck()), PregnancyFixtures.background()));
        assertThat(xhtml).startsWith("<?xml version='1.0' encoding='UTF-8'?>")
                .contains("-//W3C//DTD XHTML 1.0 Strict//EN").contains("@page{size:A4 landscape")
                .doesNotContain("&nbsp;");
        Document doc = parse(xhtml);
        Element html = doc.getDocumentElement();
        assertThat(html.getNamespaceURI()).isEqualTo(XHTML);
        assertThat(html.getAttribute("lang")).isEqualTo("nb");
        String text = html.getTextContent();
        assertThat(text).contains("Kari Nordmann", "12059248241", "20.06.2026", "Balsfjord", "Storfjord",
                "Folsyre 0,4 mg x 1", "Penicillin (utslett)", "Hypotyreose", "spontanabort uke 9", "Astma i barndommen",
                "Versjon 3, skrevet ut");

        NodeList headers = doc.getElementsByTagNameNS(XHTML, "th");
        assertThat(headers.getLength()).isEqualTo(14);
        assertThat(headers.item(0).getTextContent()).isEqualTo("Dato");
        assertThat(headers.item(13).getTextContent()).isEqualTo("Signatur");

        NodeList rows = ((Element) doc.getElementsByTagNameNS(XHTML, "tbody").item(0)).getElementsByTagNameNS(XHTML, "tr");
        assertThat(rows.getLength()).isEqualTo(2);
        // date order: the sparse first visit (November 2025) before the March check
        assertThat(cells(rows.item(0))).startsWith("20.11.2025", "10+6", "\u00a0", "68,0", "12,9");
        assertThat(cells(rows.item(1))).containsExactly("04.03.2026", "24+4", "118/74", "72,5", "11,8", "Negativ", "Spor",
                "27", "142", "Hodeleie", "+", "Kjenner liv. Litt hodepine siste uke.\nAvtalt ny kontroll om 2 uker.",
                "Storsteinnes helsestasjon", "Jorunn Jordmor (Jordmor)");
    }

    @Test
    void markupInFreeTextIsEscapedNotInterpreted() throws Exception {
        AntenatalCheck c = PregnancyFixtures.fullCheck();
        AntenatalCheck evil = new AntenatalCheck(c.id(), c.date(), c.gestationalAge(),
                new Office("x", "Helse & omsorg <Nord>"), c.seenBy(), null, null, null, null, null, null, null, null,
                null, null, "<script>alert('x')</script> & \"sitat\" ]]> \u0007slutt");
        String xhtml = PregnancyCardRendering.xhtml(new CardView("Kari <b>Nordmann</b>", "12059248241", null,
                List.of(evil), null, null, null));
        assertThat(xhtml).doesNotContain("<script>").doesNotContain("<b>").contains("&lt;script>");
        Document doc = parse(xhtml);
        assertThat(doc.getElementsByTagNameNS(XHTML, "script").getLength()).isZero();
        assertThat(doc.getElementsByTagNameNS(XHTML, "b").getLength()).isZero();
        String text = doc.getDocumentElement().getTextContent();
        assertThat(text).contains("<script>alert('x')</script> & \"sitat\" ]]> slutt", "Helse & omsorg <Nord>",
                "Kari <b>Nordmann</b>");
        // and a streaming parser, as openhtmltopdf's reader is one, reads it to the end
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XMLStreamReader r = f.createXMLStreamReader(new StringReader(xhtml));
        while (r.hasNext()) r.next();
    }

    @Test
    void anEmptyCardStillRenders() throws Exception {
        Document doc = parse(PregnancyCardRendering.xhtml(view(List.of(), null)));
        assertThat(doc.getDocumentElement().getTextContent()).contains("Ingen kontroller registrert");
    }

    @Test
    void checksOnTheSameDayAreOrderedByWeek() throws Exception {
        AntenatalCheck a = PregnancyFixtures.fullCheck();
        AntenatalCheck b = new AntenatalCheck("b", a.date(), new GestationalAge(24, 3), a.office(), a.seenBy(), null, null,
                null, null, null, null, null, null, null, null, null);
        Document doc = parse(PregnancyCardRendering.xhtml(view(List.of(a, b), null)));
        NodeList rows = doc.getElementsByTagNameNS(XHTML, "tbody").item(0).getChildNodes();
        assertThat(cells(rows.item(0)).get(1)).isEqualTo("24+3");
        assertThat(LocalDate.of(2026, 3, 4)).isEqualTo(a.date());
    }

    private static List<String> cells(org.w3c.dom.Node row) {
        NodeList tds = ((Element) row).getElementsByTagNameNS(XHTML, "td");
        String[] out = new String[tds.getLength()];
        for (int i = 0; i < out.length; i++) out[i] = tds.item(i).getTextContent();
        return List.of(out);
    }

    /** A namespace-aware DOM parse that never fetches the XHTML DTD (so no named entity could be resolved). */
    private static Document parse(String xhtml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xhtml.getBytes(StandardCharsets.UTF_8)));
    }
}
