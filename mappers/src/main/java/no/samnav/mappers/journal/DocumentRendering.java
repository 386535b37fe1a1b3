package no.samnav.mappers.journal;

import com.ctc.wstx.stax.WstxOutputFactory;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import no.samnav.mappers.ReadResult;
import no.samnav.mappers.dialogmelding.DialogmeldingExtensions;
import no.samnav.mappers.fhir.Extensions;
import no.samnav.mappers.fhir.Systems;
import no.samnav.mappers.henvisning.HenvisningExtensions;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.CommunicationRequest;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Range;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Type;
import org.hl7.fhir.utilities.xhtml.NodeType;
import org.hl7.fhir.utilities.xhtml.XhtmlNode;

/**
 * The HTML rendering of a shared-journal document: one standalone, well-formed XHTML5 page in
 * Norwegian (bokmål) with the patient, date, author, receiver and the clinical content of the
 * message. Written with a StAX writer so that every text from the message is escaped by the XML
 * stack, never concatenated into markup.
 */
public final class DocumentRendering {

    private static final String XHTML = "http://www.w3.org/1999/xhtml";
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy 'kl.' HH:mm");
    // no '<', '>' or '&' here: the style element is raw text when a browser reads the page as HTML
    private static final String CSS = "body{font-family:system-ui,sans-serif;margin:2em;max-width:60em;color:#222}"
            + "h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.2em;margin-top:1.5em;border-bottom:1px solid #ccc}"
            + "h3{font-size:1em}dl.facts{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}"
            + "dt{font-weight:bold}dd{margin:0}table{border-collapse:collapse}"
            + "th,td{border:1px solid #ccc;padding:.2em .5em;text-align:left;vertical-align:top}"
            + "td.flag{color:#a00;font-weight:bold}tr.member td:first-child{padding-left:2em}"
            + ".text{white-space:pre-wrap}.muted{color:#666}";
    private static final XMLOutputFactory FACTORY = new WstxOutputFactory();

    private DocumentRendering() {
    }

    /**
     * The HTML page of a read message, UTF-8.
     *
     * @throws no.samnav.mappers.error.UnsupportedContentException for an AppRec
     * @throws no.samnav.mappers.error.MissingElementException when the message has no content or patient
     */
    public static byte[] render(ReadResult read) {
        return render(new SourceFacts(read));
    }

    static byte[] render(SourceFacts facts) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = FACTORY.createXMLStreamWriter(bytes, "UTF-8");
            new Page(w, facts).write();
            w.flush();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Writing to memory failed", e);
        }
        return bytes.toByteArray();
    }

    /** One page being written; tracks what has been rendered so that nothing is shown twice. */
    private static final class Page {
        private final XMLStreamWriter w;
        private final SourceFacts facts;
        private final Set<Resource> shown = new HashSet<>();

        Page(XMLStreamWriter w, SourceFacts facts) {
            this.w = w;
            this.facts = facts;
        }

        void write() throws XMLStreamException {
            String title = title();
            w.writeDTD("<!DOCTYPE html>");
            w.writeStartElement("html");
            w.writeDefaultNamespace(XHTML);
            w.writeAttribute("lang", "nb");
            w.writeAttribute("xml:lang", "nb");
            w.writeStartElement("head");
            w.writeEmptyElement("meta");
            w.writeAttribute("charset", "utf-8");
            element("title", title + " – " + nvl(SourceFacts.name(facts.patient), ""));
            element("style", CSS);
            w.writeEndElement();
            w.writeStartElement("body");
            element("h1", title);
            facts();
            content();
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
        }

        private String title() {
            Coding type = facts.messageType();
            String title = facts.kind.title();
            if (type != null && type.hasDisplay() && !type.getDisplay().equalsIgnoreCase(title)
                    && facts.kind != DocumentKind.SVARRAPPORT) {
                title += " – " + type.getDisplay();
            }
            return title;
        }

        private void facts() throws XMLStreamException {
            w.writeStartElement("dl");
            w.writeAttribute("class", "facts");
            fact("Pasient", SourceFacts.name(facts.patient));
            Identifier id = facts.patientIdentifier;
            String label = Systems.DNR.equals(id.getSystem()) ? "D-nummer"
                    : Systems.FHN.equals(id.getSystem()) ? "Hjelpenummer" : "Fødselsnummer";
            fact(label, id.getValue());
            Date date = facts.date();
            fact("Dato", date == null ? null : DATE_TIME.format(date.toInstant().atZone(OSLO)));
            fact("Avsender", organisation(facts.authorOrganization));
            fact("Forfatter", person(facts.authorPractitioner));
            List<String> receivers = new ArrayList<>();
            for (MessageHeader.MessageDestinationComponent d : facts.header.getDestination()) {
                String r = party(facts.resolve(d.getReceiver()));
                if (r == null) r = d.getName();
                if (r != null) receivers.add(r);
            }
            fact("Mottaker", receivers.isEmpty() ? null : String.join("; ", receivers));
            w.writeEndElement();
        }

        private void fact(String label, String value) throws XMLStreamException {
            if (value == null || value.isBlank()) return;
            element("dt", label);
            element("dd", value);
        }

        private String organisation(Organization o) {
            if (o == null) return null;
            StringBuilder sb = new StringBuilder(nvl(o.getName(), "(uten navn)"));
            if (facts.resolve(o.getPartOf()) instanceof Organization parent && parent.hasName()) {
                sb.append(", ").append(parent.getName());
            }
            Identifier her = facts.herId(o);
            if (her != null) sb.append(" (HER-id ").append(her.getValue()).append(')');
            return sb.toString();
        }

        private String person(Practitioner p) {
            if (p == null) return null;
            String name = nvl(SourceFacts.name(p), "(uten navn)");
            Identifier hpr = SourceFacts.identifier(p.getIdentifier(), Systems.HPR);
            return hpr == null ? name : name + " (HPR-nr. " + hpr.getValue() + ")";
        }

        private String party(Resource r) {
            if (r instanceof Organization o) return organisation(o);
            if (r instanceof Practitioner p) return person(p);
            if (r instanceof PractitionerRole role) {
                String person = person(facts.resolve(role.getPractitioner()) instanceof Practitioner p ? p : null);
                String org = organisation(facts.resolve(role.getOrganization()) instanceof Organization o ? o : null);
                if (person == null) return org;
                return org == null ? person : person + ", " + org;
            }
            return null;
        }

        private void content() throws XMLStreamException {
            shown.add(facts.focus);
            Resource focus = facts.focus;
            if (focus instanceof Communication c) communication(c);
            else if (focus instanceof CommunicationRequest c) communicationRequest(c);
            else if (focus instanceof Composition c) composition(c);
            else if (focus instanceof ServiceRequest s) serviceRequest(s);
            else if (focus instanceof DiagnosticReport r) diagnosticReport(r);
            else fallback(focus);
            // further documents of the message (attachments of a Dialogmelding and the like)
            for (Reference ref : facts.header.getFocus()) {
                Resource r = facts.resolve(ref);
                if (r != null && !shown.contains(r)) {
                    shown.add(r);
                    if (r instanceof DocumentReference d) attachmentReference(d);
                    else fallback(r);
                }
            }
        }

        // ---- Dialogmelding ----

        private void communication(Communication c) throws XMLStreamException {
            element("h2", "Melding");
            labelled("Tema", codeText(c.getTopic()));
            labelled("Tema (fritekst)", Extensions.string(c, DialogmeldingExtensions.TEMA));
            for (Communication.CommunicationPayloadComponent p : c.getPayload()) payload(p.getContent());
            for (Annotation note : c.getNote()) text(note.getText());
        }

        /** A payload of a note or a question: an attachment, a resource of the message, or text. */
        private void payload(Type content) throws XMLStreamException {
            if (content instanceof Attachment a) attachment(a);
            else if (content instanceof Reference ref) entry(facts.resolve(ref));
            else text(SourceFacts.primitive(content));
        }

        private void communicationRequest(CommunicationRequest c) throws XMLStreamException {
            element("h2", "Forespørsel");
            for (CodeableConcept category : c.getCategory()) labelled("Type forespørsel", codeText(category));
            labelled("Emne", Extensions.string(c, DialogmeldingExtensions.EMNE_SPORSMAL));
            for (CommunicationRequest.CommunicationRequestPayloadComponent p : c.getPayload()) payload(p.getContent());
            for (Annotation note : c.getNote()) text(note.getText());
        }

        private void attachmentReference(DocumentReference d) throws XMLStreamException {
            element("h2", "Vedlegg");
            labelled("Beskrivelse", d.getDescription());
            for (DocumentReference.DocumentReferenceContentComponent c : d.getContent()) attachment(c.getAttachment());
        }

        private void attachment(Attachment a) throws XMLStreamException {
            String what = nvl(a.getTitle(), "Vedlegg");
            String type = a.hasContentType() ? " (" + a.getContentType() + ")" : "";
            element("p", what + type + ": vises i originalmeldingen", "muted");
        }

        // ---- Epikrise ----

        private void composition(Composition c) throws XMLStreamException {
            if (c.hasTitle()) element("p", c.getTitle(), "muted");
            for (Composition.SectionComponent s : c.getSection()) section(s, 2);
        }

        private void section(Composition.SectionComponent s, int level) throws XMLStreamException {
            element("h" + Math.min(level, 4), nvl(s.getTitle(), codeText(s.getCode())));
            // a generated narrative only counts the entries rendered below
            boolean generated = s.getText().getStatus() == Narrative.NarrativeStatus.GENERATED && s.hasEntry();
            if (s.hasText() && !generated) narrative(s.getText());
            if (s.hasEntry()) {
                w.writeStartElement("ul");
                for (Reference ref : s.getEntry()) {
                    w.writeStartElement("li");
                    entryInline(facts.resolve(ref));
                    w.writeEndElement();
                }
                w.writeEndElement();
            }
            for (Composition.SectionComponent sub : s.getSection()) section(sub, level + 1);
        }

        // ---- Henvisning ----

        private void serviceRequest(ServiceRequest s) throws XMLStreamException {
            element("h2", "Henvisningen");
            labelled("Tjeneste", codeText(s.getCode()));
            if (s.hasPriority()) {
                Coding kith = Extensions.value(s.getPriorityElement(), Extensions.KITH_CODE) instanceof Coding k ? k : null;
                labelled("Prioritet", kith != null && kith.hasDisplay() ? kith.getDisplay() : s.getPriority().getDisplay());
            }
            List<String> performers = new ArrayList<>();
            for (Reference p : s.getPerformer()) {
                String name = party(facts.resolve(p));
                if (name != null) performers.add(name);
            }
            labelled("Henvist til", performers.isEmpty() ? null : String.join("; ", performers));
            for (CodeableConcept reason : s.getReasonCode()) labelled("Årsak", codeText(reason));
            if (s.hasReasonReference()) {
                element("h3", "Diagnose / årsak");
                list(s.getReasonReference());
            }
            for (Annotation note : s.getNote()) {
                Type heading = Extensions.value(note, HenvisningExtensions.REASON_HEADING);
                String h = heading instanceof CodeableConcept cc ? codeText(cc) : null;
                if (h != null) element("h3", h);
                text(note.getText());
            }
            if (s.hasSupportingInfo()) {
                element("h3", "Tilleggsopplysninger");
                list(s.getSupportingInfo());
            }
        }

        // ---- Svarrapport ----

        private void diagnosticReport(DiagnosticReport r) throws XMLStreamException {
            element("h2", nvl(r.getCode().getText(), codeText(r.getCategoryFirstRep())));
            labelled("Status", r.hasStatus() ? statusText(r) : null);
            if (r.hasResult()) {
                w.writeStartElement("table");
                w.writeStartElement("thead");
                w.writeStartElement("tr");
                for (String h : List.of("Analyse", "Resultat", "Enhet", "Referanseområde", "Avvik")) element("th", h);
                w.writeEndElement();
                w.writeEndElement();
                w.writeStartElement("tbody");
                for (Reference ref : r.getResult()) observationRow(facts.resolve(ref), false);
                w.writeEndElement();
                w.writeEndElement();
                for (Reference ref : r.getResult()) {
                    if (facts.resolve(ref) instanceof Observation o) {
                        for (Annotation note : o.getNote()) text(codeText(o.getCode()) + ": " + note.getText());
                    }
                }
            }
            if (r.hasConclusion() || r.hasConclusionCode()) {
                element("h3", "Konklusjon");
                text(r.getConclusion());
                for (CodeableConcept cc : r.getConclusionCode()) text(codeText(cc));
            }
        }

        private String statusText(DiagnosticReport r) {
            Type kith = Extensions.value(r.getStatusElement(), Extensions.KITH_CODE);
            if (kith instanceof Coding c && c.hasDisplay()) return c.getDisplay();
            return r.getStatus().getDisplay();
        }

        private void observationRow(Resource r, boolean member) throws XMLStreamException {
            if (!(r instanceof Observation o)) {
                if (r != null) {
                    w.writeStartElement("tr");
                    w.writeStartElement("td");
                    w.writeAttribute("colspan", "5");
                    entryInline(r);
                    w.writeEndElement();
                    w.writeEndElement();
                }
                return;
            }
            shown.add(o);
            w.writeStartElement("tr");
            if (member) w.writeAttribute("class", "member");
            element("td", nvl(codeText(o.getCode()), "(uten navn)"));
            String unit = null;
            String value;
            if (o.getValue() instanceof Quantity q) {
                value = q.hasComparator() ? q.getComparator().toCode() + " " + number(q.getValue()) : number(q.getValue());
                unit = q.hasUnit() ? q.getUnit() : q.getCode();
            } else {
                value = valueText(o.getValue());
            }
            element("td", nvl(value, ""));
            element("td", nvl(unit, ""));
            element("td", nvl(range(o), ""));
            String flag = null;
            for (CodeableConcept i : o.getInterpretation()) flag = flag == null ? codeText(i) : flag;
            element("td", nvl(flag, ""), flag == null ? null : "flag");
            w.writeEndElement();
            for (Reference m : o.getHasMember()) observationRow(facts.resolve(m), true);
        }

        private static String range(Observation o) {
            if (!o.hasReferenceRange()) return null;
            Observation.ObservationReferenceRangeComponent rr = o.getReferenceRangeFirstRep();
            if (rr.hasText()) return rr.getText();
            String low = rr.hasLow() ? number(rr.getLow().getValue()) : null;
            String high = rr.hasHigh() ? number(rr.getHigh().getValue()) : null;
            if (low != null && high != null) return low + " – " + high;
            if (high != null) return "< " + high;
            return low == null ? null : "> " + low;
        }

        // ---- entries of any standard ----

        private void list(List<Reference> refs) throws XMLStreamException {
            w.writeStartElement("ul");
            for (Reference ref : refs) {
                w.writeStartElement("li");
                entryInline(facts.resolve(ref));
                w.writeEndElement();
            }
            w.writeEndElement();
        }

        private void entry(Resource r) throws XMLStreamException {
            if (r == null) return;
            w.writeStartElement("div");
            entryInline(r);
            w.writeEndElement();
        }

        /** One referenced resource as a line of text; unknown types by type name and narrative. */
        private void entryInline(Resource r) throws XMLStreamException {
            if (r == null) {
                w.writeCharacters("(henvisning til en ressurs som mangler i meldingen)");
                return;
            }
            shown.add(r);
            String line = null;
            if (r instanceof Condition c) {
                line = codeLine(c.getCode());
                if (c.hasNote()) line += " – " + c.getNoteFirstRep().getText();
            } else if (r instanceof MedicationStatement m) {
                line = m.getMedication() instanceof CodeableConcept cc ? codeText(cc) : "Legemiddel";
                if (m.hasDosage() && m.getDosageFirstRep().hasText()) line += " – " + m.getDosageFirstRep().getText();
                for (Annotation n : m.getNote()) line += " – " + n.getText();
            } else if (r instanceof Observation o) {
                String value = o.getValue() instanceof Quantity q
                        ? number(q.getValue()) + (q.hasUnit() ? " " + q.getUnit() : "") : valueText(o.getValue());
                line = nvl(codeText(o.getCode()), "Observasjon") + (value == null ? "" : ": " + value);
                for (Annotation n : o.getNote()) line += " – " + n.getText();
            } else if (r instanceof CarePlan p) {
                line = nvl(p.getDescription(), nvl(p.getTitle(), null));
                List<String> activities = new ArrayList<>();
                for (CarePlan.CarePlanActivityComponent a : p.getActivity()) {
                    String d = a.getDetail().hasDescription() ? a.getDetail().getDescription() : codeText(a.getDetail().getCode());
                    if (d != null) activities.add(d);
                }
                if (!activities.isEmpty()) line = (line == null ? "" : line + ": ") + String.join("; ", activities);
            }
            if (line != null && !line.isBlank()) {
                w.writeCharacters(clean(dedent(line)));
            } else {
                genericInline(r);
            }
        }

        private void fallback(Resource r) throws XMLStreamException {
            element("h2", r.fhirType());
            w.writeStartElement("div");
            genericInline(r);
            w.writeEndElement();
        }

        private void genericInline(Resource r) throws XMLStreamException {
            element("span", r.fhirType(), "muted");
            if (r instanceof DomainResource d && d.hasText() && d.getText().hasDiv()) {
                narrative(d.getText());
            } else {
                w.writeCharacters(" (uten tekst; se originalmeldingen)");
            }
        }

        // ---- text helpers ----

        /** A narrative as paragraphs of its text: the markup of a message is not trusted into the page. */
        private void narrative(Narrative n) throws XMLStreamException {
            XhtmlNode div = n.getDiv();
            if (div == null) return;
            List<String> blocks = new ArrayList<>();
            StringBuilder inline = new StringBuilder();
            for (XhtmlNode child : div.getChildNodes()) {
                if (child.getNodeType() == NodeType.Element && isBlock(child.getName())) {
                    flush(inline, blocks);
                    blocks.add(child.allText());
                } else if (child.getNodeType() == NodeType.Text || child.getNodeType() == NodeType.Element) {
                    inline.append(child.getNodeType() == NodeType.Text ? child.getContent() : child.allText());
                }
            }
            flush(inline, blocks);
            for (String b : blocks) text(b);
        }

        private static boolean isBlock(String name) {
            return switch (name) {
                case "p", "div", "li", "ul", "ol", "table", "tr", "pre", "h1", "h2", "h3", "h4", "blockquote" -> true;
                default -> false;
            };
        }

        private static void flush(StringBuilder inline, List<String> blocks) {
            if (!inline.toString().isBlank()) blocks.add(inline.toString());
            inline.setLength(0);
        }

        private void text(String s) throws XMLStreamException {
            if (s == null || s.isBlank()) return;
            element("p", dedent(s), "text");
        }

        private void labelled(String label, String value) throws XMLStreamException {
            if (value == null || value.isBlank()) return;
            w.writeStartElement("p");
            element("strong", label + ": ");
            w.writeCharacters(clean(value));
            w.writeEndElement();
        }

        private void element(String name, String text) throws XMLStreamException {
            element(name, text, null);
        }

        private void element(String name, String text, String cssClass) throws XMLStreamException {
            w.writeStartElement(name);
            if (cssClass != null) w.writeAttribute("class", cssClass);
            // an empty string still writes a start and an end tag: '<td/>' is no empty cell in HTML
            w.writeCharacters(clean(nvl(text, "")));
            w.writeEndElement();
        }

        private static String codeText(CodeableConcept cc) {
            if (cc == null || cc.isEmpty()) return null;
            if (cc.hasText()) return cc.getText();
            for (Coding c : cc.getCoding()) if (c.hasDisplay()) return c.getDisplay();
            for (Coding c : cc.getCoding()) if (c.hasCode()) return c.getCode();
            return null;
        }

        private static String codeLine(CodeableConcept cc) {
            String text = nvl(codeText(cc), "(uten kode)");
            for (Coding c : cc.getCoding()) {
                if (c.hasCode() && !c.getCode().equals(text)) return text + " (" + c.getCode() + ")";
            }
            return text;
        }

        private static String valueText(Type v) {
            if (v == null) return null;
            if (v instanceof CodeableConcept cc) return codeText(cc);
            if (v instanceof Quantity q) return number(q.getValue()) + (q.hasUnit() ? " " + q.getUnit() : "");
            if (v instanceof Range range) {
                return number(range.getLow().getValue()) + " – " + number(range.getHigh().getValue());
            }
            String p = v.primitiveValue();
            return p == null ? null : p.trim();
        }

        private static String number(BigDecimal d) {
            return d == null ? "" : d.toPlainString().replace('.', ',');
        }
    }

    /** Removes the common leading tabs/spaces of the lines of a text indented in the source XML. */
    static String dedent(String s) {
        String[] lines = s.strip().split("\r?\n");
        StringBuilder sb = new StringBuilder();
        for (String line : lines) {
            if (sb.length() > 0) sb.append('\n');
            sb.append(line.strip());
        }
        return sb.toString();
    }

    /** Drops characters XML 1.0 cannot carry (control characters from a FHIR client, lone surrogates). */
    static String clean(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                    || (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)))
                    || (Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1)));
            if (!ok && sb == null) sb = new StringBuilder(s.substring(0, i));
            if (ok && sb != null) sb.append(c);
        }
        return sb == null ? s : sb.toString();
    }

    private static String nvl(String s, String fallback) {
        return s == null || s.isBlank() ? fallback : s;
    }
}
