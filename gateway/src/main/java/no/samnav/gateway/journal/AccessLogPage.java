package no.samnav.gateway.journal;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The patient access log ("hvem har lest journalen min") as a page and as CSV, in Norwegian
 * (bokmål), times in Norwegian local time. Written with StAX so that every value is escaped.
 */
public final class AccessLogPage {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss")
            .withZone(ZoneId.of("Europe/Oslo"));

    private static final String[] HEADINGS = {"Tidspunkt", "Handling", "Person (HPR)", "Virksomhet", "Fagsystem",
            "Dokumenter", "Formål", "Utfall"};

    private AccessLogPage() {
    }

    public static String action(AuditTrail.Action action) {
        return switch (action) {
            case SEARCH -> "Søk";
            case READ -> "Lest dokumentinformasjon";
            case RETRIEVE -> "Hentet dokument";
            case EMERGENCY_ACCESS -> "Nødtilgang erklært";
            case OPERATOR_REVEAL -> "Driftsoperatør viste fødselsnummeret";
        };
    }

    public static String outcome(AuditTrail.Record r) {
        if (r.action() == AuditTrail.Action.OPERATOR_REVEAL) return "Drift av meldingsformidlingen (" + r.detail() + ")";
        if (!r.allowed()) {
            return "Avvist: " + switch (r.detail()) {
                case "NO_PERSON" -> "ingen person i forespørselen";
                case "NOT_A_MEMBER" -> "virksomheten er ikke med i samarbeidet";
                case "PATIENT_OBJECTION" -> "pasienten har reservert seg";
                case "NO_CARE_RELATIONSHIP" -> "ikke behandlingsrelasjon";
                default -> r.detail();
            };
        }
        return "Tillatt: " + switch (r.detail()) {
            case "GP_OFFICE" -> "fastlegekontoret";
            case "ON_DUTY" -> "legevakt på vakt";
            case "CARE_EPISODE" -> "pågående forløp (jordmortjenesten)";
            case "RECENT_MESSAGE" -> "nylig meldingsutveksling om pasienten";
            case "EMERGENCY_ACCESS" -> "nødtilgang";
            default -> r.detail();
        };
    }

    public static String purpose(String purpose) {
        return switch (purpose) {
            case "ETREAT" -> "Nødtilgang";
            case "HOPERAT" -> "Drift";
            default -> "Helsehjelp";
        };
    }

    private static String[] row(AuditTrail.Record r) {
        return new String[] {TIME.format(r.recorded()), action(r.action()), r.readerHpr() == null ? "" : r.readerHpr(),
                r.readerOrgs() == null ? "" : r.readerOrgs(), r.clientId() == null ? "" : r.clientId(),
                String.valueOf(r.documents().size()), purpose(r.purpose()),
                outcome(r)};
    }

    public static String csv(List<AuditTrail.Record> records) {
        StringBuilder sb = new StringBuilder();
        line(sb, HEADINGS);
        for (AuditTrail.Record r : records) line(sb, row(r));
        return sb.toString();
    }

    private static void line(StringBuilder sb, String[] cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) sb.append(';');
            String c = cells[i];
            // a leading =, +, - or @ would be a formula in a spreadsheet
            if (!c.isEmpty() && "=+-@".indexOf(c.charAt(0)) >= 0) c = "'" + c;
            sb.append('"').append(c.replace("\"", "\"\"")).append('"');
        }
        sb.append("\r\n");
    }

    static byte[] html(List<AuditTrail.Record> records, Instant now) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeDTD("<!DOCTYPE html>");
            w.writeStartElement("html");
            w.writeAttribute("lang", "nb");
            w.writeStartElement("head");
            w.writeEmptyElement("meta");
            w.writeAttribute("charset", "utf-8");
            text(w, "title", "Innsynslogg – delt journal");
            text(w, "style", "body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
                    + "th,td{border:1px solid #999;padding:.3em .6em;text-align:left}th{background:#eee}"
                    + ".avvist{color:#8a1c1c}");
            w.writeEndElement();
            w.writeStartElement("body");
            text(w, "h1", "Innsynslogg: hvem har søkt i og lest pasientens dokumenter i den delte journalen");
            text(w, "p", records.size() + " oppslag. Utskrevet " + TIME.format(now) + ".");
            w.writeStartElement("table");
            w.writeStartElement("thead");
            w.writeStartElement("tr");
            for (String h : HEADINGS) {
                w.writeStartElement("th");
                w.writeAttribute("scope", "col");
                w.writeCharacters(h);
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndElement();
            w.writeStartElement("tbody");
            for (AuditTrail.Record r : records) {
                w.writeStartElement("tr");
                if (!r.allowed()) w.writeAttribute("class", "avvist");
                for (String cell : row(r)) text(w, "td", cell);
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the access log page cannot be written", e);
        }
        return out.toByteArray();
    }

    private static void text(XMLStreamWriter w, String element, String text) throws XMLStreamException {
        w.writeStartElement(element);
        w.writeCharacters(text);
        w.writeEndElement();
    }
}
