package no.samnav.mappers.pregnancy;

import com.ctc.wstx.stax.WstxOutputFactory;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The pregnancy card (helsekort for gravide) as one strict, well-formed XHTML 1.0 document in
 * bokmål, laid out like the paper card on A4 landscape: header, background, and one row per check.
 * The gateway shows it on a web page and renders it to PDF with openhtmltopdf, which wants XML:
 * so it is written with a StAX writer (every text escaped by the XML stack, never concatenated into
 * markup) and uses no named entities such as {@code &nbsp;}, which XML without the DTD does not know.
 */
public final class PregnancyCardRendering {

    private static final String XHTML = "http://www.w3.org/1999/xhtml";
    private static final String DOCTYPE = "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" "
            + "\"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\">";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    // no '<', '>' or '&': the style element is raw text when a browser reads the page as HTML
    private static final String CSS = "@page{size:A4 landscape;margin:12mm}"
            + "body{font-family:sans-serif;font-size:9pt;color:#000;margin:0}"
            + "h1{font-size:14pt;margin:0 0 4pt 0}h2{font-size:10pt;margin:8pt 0 2pt 0}"
            + "table{border-collapse:collapse;width:100%}"
            + "th,td{border:0.5pt solid #444;padding:2pt 3pt;text-align:left;vertical-align:top}"
            + "th{background:#e8e8e8}table.head td{border:none;padding:1pt 8pt 1pt 0}"
            + "table.head .label{font-weight:bold;white-space:nowrap}"
            + "td.num{text-align:right;white-space:nowrap}.text{white-space:pre-wrap}"
            + "p.printed{font-size:7pt;color:#555;margin-top:6pt}";
    private static final String[] COLUMNS = {"Dato", "Uke", "BT", "Vekt", "Hb", "Urin prot.", "Urin gluk.",
        "SF-mål", "Fosterlyd", "Leie", "Ødem", "Merknad", "Sted", "Signatur"};
    private static final XMLOutputFactory FACTORY = new WstxOutputFactory();

    private PregnancyCardRendering() {
    }

    /** The complete XHTML document. */
    public static String xhtml(CardView view) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = FACTORY.createXMLStreamWriter(out);
            new Card(w, view).write();
            w.flush();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Writing to memory failed", e);
        }
        return out.toString();
    }

    private record Card(XMLStreamWriter w, CardView view) {

        void write() throws XMLStreamException {
            w.writeStartDocument("UTF-8", "1.0");
            w.writeDTD(DOCTYPE);
            w.writeStartElement("html");
            w.writeDefaultNamespace(XHTML);
            w.writeAttribute("lang", "nb");
            w.writeAttribute("xml:lang", "nb");
            w.writeStartElement("head");
            w.writeEmptyElement("meta");
            w.writeAttribute("http-equiv", "Content-Type");
            w.writeAttribute("content", "text/html; charset=UTF-8");
            element("title", "Helsekort for gravide – " + nvl(view.patientName()));
            w.writeStartElement("style");
            w.writeAttribute("type", "text/css");
            w.writeCharacters(CSS);
            w.writeEndElement();
            w.writeEndElement();
            w.writeStartElement("body");
            element("h1", "Helsekort for gravide");
            header();
            background();
            checks();
            if (view.printedLine() != null) {
                w.writeStartElement("p");
                w.writeAttribute("class", "printed");
                text(view.printedLine());
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
        }

        private void header() throws XMLStreamException {
            PregnancyBackground b = view.background();
            w.writeStartElement("table");
            w.writeAttribute("class", "head");
            w.writeStartElement("tr");
            fact("Navn", view.patientName());
            fact("Fødselsnummer", view.fnr());
            fact("Termin", b == null || b.termDate() == null ? null : DATE.format(b.termDate()));
            w.writeEndElement();
            w.writeStartElement("tr");
            fact("Gravida", b == null || b.gravida() == null ? null : b.gravida().toString());
            fact("Para", b == null || b.para() == null ? null : b.para().toString());
            fact("Tjenestekommune", view.servingMunicipality());
            w.writeEndElement();
            w.writeStartElement("tr");
            fact("Arbeidsgiverkommune", view.employingMunicipality());
            w.writeEndElement();
            w.writeEndElement();
        }

        private void fact(String label, String value) throws XMLStreamException {
            w.writeStartElement("td");
            w.writeAttribute("class", "label");
            text(label);
            w.writeEndElement();
            cell(value, null);
        }

        private void background() throws XMLStreamException {
            PregnancyBackground b = view.background();
            if (b == null) return;
            section("Tidligere svangerskap og fødsler", b.previousPregnancies());
            section("Relevant sykehistorie", b.history());
            section("Faste medisiner", join(b.medications()));
            section("Allergier", join(b.allergies()));
            section("Risikofaktorer", join(b.riskFactors()));
        }

        private void section(String heading, String text) throws XMLStreamException {
            element("h2", heading);
            w.writeStartElement("p");
            w.writeAttribute("class", "text");
            text(text == null || text.isBlank() ? "Ingen opplysninger" : text);
            w.writeEndElement();
        }

        private void checks() throws XMLStreamException {
            element("h2", "Svangerskapskontroller");
            w.writeStartElement("table");
            w.writeAttribute("class", "checks");
            w.writeStartElement("thead");
            w.writeStartElement("tr");
            for (String c : COLUMNS) element("th", c);
            w.writeEndElement();
            w.writeEndElement();
            w.writeStartElement("tbody");
            List<AntenatalCheck> rows = new ArrayList<>(view.checks());
            rows.sort(Comparator.comparing(AntenatalCheck::date, Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()))
                    .thenComparing(AntenatalCheck::gestationalAge, Comparator.nullsLast(Comparator.naturalOrder())));
            if (rows.isEmpty()) {
                w.writeStartElement("tr");
                w.writeStartElement("td");
                w.writeAttribute("colspan", String.valueOf(COLUMNS.length));
                text("Ingen kontroller registrert");
                w.writeEndElement();
                w.writeEndElement();
            }
            for (AntenatalCheck c : rows) row(c);
            w.writeEndElement();
            w.writeEndElement();
        }

        private void row(AntenatalCheck c) throws XMLStreamException {
            w.writeStartElement("tr");
            cell(c.date() == null ? null : DATE.format(c.date()), "num");
            cell(c.gestationalAge() == null ? null : c.gestationalAge().toString(), "num");
            String bp = c.systolic() == null && c.diastolic() == null ? null
                    : dash(c.systolic()) + "/" + dash(c.diastolic());
            cell(bp, "num");
            cell(decimal(c.weightKg()), "num");
            cell(decimal(c.haemoglobin()), "num");
            cell(c.urineProtein() == null ? null : c.urineProtein().text(), null);
            cell(c.urineGlucose() == null ? null : c.urineGlucose().text(), null);
            cell(c.fundalHeightCm() == null ? null : c.fundalHeightCm().toString(), "num");
            cell(c.fetalHeartRate() == null ? null : c.fetalHeartRate().toString(), "num");
            cell(c.presentation() == null ? null : c.presentation().text(), null);
            cell(c.oedema() == null ? null : c.oedema().text(), null);
            cell(c.note(), "text");
            cell(c.office() == null ? null : c.office().display(), null);
            SeenBy s = c.seenBy();
            String signature = s == null ? null
                    : nvl(s.name()) + (s.clinician() == null ? "" : " (" + s.clinician().text() + ")");
            cell(signature, null);
            w.writeEndElement();
        }

        /** A table cell; an empty one holds a no-break space so that the PDF keeps its borders and height. */
        private void cell(String value, String cssClass) throws XMLStreamException {
            w.writeStartElement("td");
            if (cssClass != null) w.writeAttribute("class", cssClass);
            if (value == null || value.isEmpty()) w.writeEntityRef("#160");
            else text(value);
            w.writeEndElement();
        }

        private void element(String name, String value) throws XMLStreamException {
            w.writeStartElement(name);
            text(value);
            w.writeEndElement();
        }

        private void text(String value) throws XMLStreamException {
            w.writeCharacters(clean(value));
        }
    }

    private static String join(List<String> items) {
        return items.isEmpty() ? null : String.join("\n", items);
    }

    private static String dash(Integer value) {
        return value == null ? "–" : value.toString();
    }

    private static String decimal(BigDecimal value) {
        return value == null ? null : GpNotificationRules.decimal(value);
    }

    private static String nvl(String s) {
        return s == null ? "" : s;
    }

    /** Drops characters XML 1.0 cannot carry (control characters typed or pasted into the form). */
    static String clean(String s) {
        if (s == null) return "";
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                    || (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)))
                    || (Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1)));
            if (ok) sb.append(c);
        }
        return sb.toString();
    }
}
