package no.samnav.mappers.henvisning;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import no.samnav.mappers.KithStandard;
import no.samnav.mappers.core.DocumentEnvelope;
import no.samnav.mappers.core.DocumentWriter;
import no.samnav.mappers.core.WriteContext;
import no.samnav.mappers.fhir.Extensions;
import no.samnav.mappers.fhir.KithCodes;
import no.samnav.mappers.fhir.KithDates;
import no.samnav.mappers.fhir.Systems;
import no.samnav.mappers.kodeverk.HenvisningPriority;
import no.samnav.mappers.xml.XmlOut;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Type;

/**
 * Writing of Henvisning, shared by versions 1.1 and 2.0: the clinical content both versions have,
 * in each version's types, and the verbatim elements ({@link HenvisningExtensions#CARRIED_XML}),
 * which are written back only in the namespaces of the target version and otherwise reported lost.
 */
public abstract class HenvisningWriting implements DocumentWriter {

    protected final KithStandard standard;
    protected final String ns;
    protected final boolean v20;

    protected HenvisningWriting(KithStandard standard) {
        this.standard = standard;
        this.ns = standard.namespace();
        this.v20 = standard == KithStandard.HENVISNING_2_0;
    }

    /** The namespaces whose verbatim elements this version can write back. */
    protected abstract Set<String> carriedNamespaces();

    @Override
    public boolean canWrite(List<Resource> focus) {
        return !focus.isEmpty() && HenvisningReading.isReferral(focus.get(0));
    }

    /** The referral of the focus group; other focus resources are reported lost. */
    protected ServiceRequest referral(List<Resource> focus, WriteContext ctx, XmlOut out) {
        for (int i = 1; i < focus.size(); i++) {
            ctx.loss(out.path(), focus.get(i), "", "a Henvisning holds one referral; this " + focus.get(i).fhirType()
                    + " needs a message of its own");
        }
        return (ServiceRequest) focus.get(0);
    }

    /** Tracks which verbatim elements were written during one write. */
    protected final class Carried {
        private final WriteContext ctx;
        private final Set<Extension> written = new HashSet<>();

        public Carried(WriteContext ctx) {
            this.ctx = ctx;
        }

        /** Writes the carried elements {@code parent/name} of a resource, if this version can hold them. */
        public void write(XmlOut out, DomainResource on, String parent, String name) {
            for (Extension x : on.getExtensionsByUrl(HenvisningExtensions.CARRIED_XML)) {
                String xml = writable(x, parent, name);
                if (xml == null) continue;
                out.markup(xml);
                written.add(x);
            }
        }

        /** Reports every carried element of these resources that was not written. */
        public void reportRest(List<? extends DomainResource> resources) {
            for (DomainResource r : resources) {
                List<Extension> all = r.getExtensionsByUrl(HenvisningExtensions.CARRIED_XML);
                for (int i = 0; i < all.size(); i++) {
                    Extension x = all.get(i);
                    if (written.contains(x)) continue;
                    ctx.loss(Extensions.subString(x, "path"), r, "extension('" + HenvisningExtensions.CARRIED_XML + "')[" + i + "]",
                            standard.displayName() + " has no place for " + Extensions.subString(x, "name")
                                    + " as read (carried verbatim from " + Extensions.subString(x, "namespace") + ")");
                }
            }
        }
    }

    // ------------------------------------------------------------------ value helpers

    /** Writes a date or date-time: a TS {@code V} attribute in 1.1, element text in 2.0. */
    protected void when(XmlOut out, String name, BaseDateTimeType value, boolean dateOnly) {
        if (value == null || value.isEmpty()) return;
        if (v20) {
            out.leaf(name, dateOnly ? KithDates.toKithDate(value) : KithDates.toKithDateTime(value));
        } else {
            out.attributesOnly(ns, name, "V", KithDates.toKith(value));
        }
    }

    /**
     * The focus reference (with its document envelope) of the referral, or null when the Bundle
     * did not record one (built by a FHIR client).
     */
    protected static Reference focusOf(ServiceRequest sr, WriteContext ctx) {
        for (Reference ref : ctx.header().getFocus()) {
            if (ctx.resolve(ref) == sr) return ref;
        }
        return null;
    }

    /** Whether the referral was read from a document of the given version (by its recorded namespace). */
    protected static boolean readFrom(KithStandard version, ServiceRequest sr, WriteContext ctx) {
        Reference focus = focusOf(sr, ctx);
        return focus != null && version.namespace().equals(DocumentEnvelope.namespace(focus));
    }

    /**
     * Writes an element that is CS in 1.1 and CV in 2.0. Writing 1.1 from a referral read as 2.0,
     * the code system (CV {@code S}) and original text ({@code OT}) of the 2.0 element at
     * {@code /Henvisning/<twoZeroPath>} have no place in the CS and are reported with that path.
     */
    protected void csOrCv(XmlOut out, String name, CodeableConcept cc, String defaultOid, ServiceRequest sr,
                          WriteContext ctx, String twoZeroPath) {
        if (!v20 && cc != null && !cc.isEmpty() && readFrom(KithStandard.HENVISNING_2_0, sr, ctx)) {
            reportCvOnly(cc, "/Henvisning/" + twoZeroPath, ctx);
        }
        csOrCv(out, name, cc, defaultOid);
    }

    /**
     * The path to report a loss with: the path of the element in the version the referral was read
     * from ({@code /Henvisning/<twoZeroPath>} or {@code /Message/ServReq/<oneOnePath>}) when that is
     * the other version, so the report names what the source had; else the path it would have here.
     */
    protected String lossPath(XmlOut out, String name, ServiceRequest sr, WriteContext ctx, String twoZeroPath,
                              String oneOnePath) {
        if (!v20 && twoZeroPath != null && readFrom(KithStandard.HENVISNING_2_0, sr, ctx)) return "/Henvisning/" + twoZeroPath;
        if (v20 && oneOnePath != null && readFrom(KithStandard.HENVISNING_1_1, sr, ctx)) return "/Message/ServReq/" + oneOnePath;
        return out.pathOf(name);
    }

    /** Reports the CV-only parts ({@code S}, {@code OT}) of a code that is written as CS. */
    protected static void reportCvOnly(CodeableConcept cc, String sourcePath, WriteContext ctx) {
        if (cc.getCodingFirstRep().hasSystem()) {
            ctx.loss(sourcePath + "/@S", "", "Henvisning 1.1 writes this code as CS, which has no code system (S)");
        }
        if (cc.hasText()) {
            ctx.loss(sourcePath + "/@OT", "", "Henvisning 1.1 writes this code as CS, which has no original text (OT)");
        }
    }

    /** Writes an element that is CS in 1.1 and CV in 2.0. */
    protected void csOrCv(XmlOut out, String name, CodeableConcept cc, String defaultOid) {
        if (cc == null || cc.isEmpty()) return;
        if (v20) {
            Coding c = cc.getCodingFirstRep();
            if (!c.hasSystem() && defaultOid != null && c.hasCode()) {
                cc = cc.copy();
                cc.getCodingFirstRep().setSystem(Systems.ofOid(defaultOid));
            }
            KithCodes.writeCv(out, ns, name, cc);
        } else {
            KithCodes.writeCs(out, ns, name, cc.getCodingFirstRep());
        }
    }

    /** Writes a PQ (V, U) from a Quantity extension. */
    protected void pq(XmlOut out, String name, Type value) {
        if (!(value instanceof Quantity q)) return;
        out.attributesOnly(ns, name, "V", q.hasValue() ? q.getValueElement().getValueAsString() : null, "U", q.getUnit());
    }

    // ------------------------------------------------------------------ shared content

    /** The resources in ServiceRequest.supportingInfo, resolved. */
    protected static List<Resource> supporting(ServiceRequest sr, WriteContext ctx) {
        List<Resource> result = new ArrayList<>();
        for (Reference ref : sr.getSupportingInfo()) {
            Resource r = ctx.resolve(ref);
            if (r != null) result.add(r);
        }
        return result;
    }

    /** PatientPrecaution* from Flags in supportingInfo. */
    protected void precautions(XmlOut out, ServiceRequest sr, WriteContext ctx) {
        for (Resource r : supporting(sr, ctx)) {
            if (!(r instanceof Flag flag)) continue;
            out.start("PatientPrecaution");
            String text = flag.getCode().hasText() ? flag.getCode().getText()
                    : flag.getCode().getCodingFirstRep().getDisplay();
            out.leaf("Precaution", text == null ? "" : text);
            if (flag.hasPeriod()) {
                when(out, "StartDateTime", flag.getPeriod().getStartElement(), false);
                when(out, "EndDateTime", flag.getPeriod().getEndElement(), false);
            }
            out.end();
        }
    }

    /** InfItem* from MedicationStatements and Observations in supportingInfo, in their order. */
    protected void infItems(XmlOut out, ServiceRequest sr, WriteContext ctx, Carried carried) {
        for (Resource r : supporting(sr, ctx)) {
            if (r instanceof MedicationStatement ms) {
                infItem(out, ms, sr, ctx, carried);
            } else if (r instanceof Observation obs) {
                // a ResultItem carried verbatim from another version is reported by Carried.reportRest
                if (obs.hasExtension(HenvisningExtensions.CARRIED_XML) && !writableCarried(obs)) continue;
                infItem(out, obs, sr, ctx, carried);
            } else if (!(r instanceof Flag) && !(r instanceof org.hl7.fhir.r4.model.DocumentReference)) {
                ctx.loss(out.pathOf("InfItem"), r, "", "a " + r.fhirType() + " has no place in a Henvisning");
            }
        }
    }

    private boolean writableCarried(DomainResource r) {
        for (Extension x : r.getExtensionsByUrl(HenvisningExtensions.CARRIED_XML)) {
            if (writable(x, "InfItem", "ResultItem") != null) return true;
        }
        return false;
    }

    /** The namespace of the other version's documents and of its poKomponent, for cross-version carrying. */
    protected abstract String otherNamespace();

    protected abstract String otherPoNamespace();

    protected abstract String poNamespace();

    /**
     * The XML to write for a carried element at {@code parent/name}: as read in the same version;
     * from the other version only where both versions define the element alike (ParorendeForesatt
     * without the 2.0-only children, ResultItem without the dates whose types differ), with its
     * namespace changed; otherwise null.
     */
    private String writable(Extension x, String parent, String name) {
        if (!name.equals(Extensions.subString(x, "name"))) return null;
        String namespace = Extensions.subString(x, "namespace");
        String xml = Extensions.subString(x, "xml");
        if (carriedNamespaces().contains(namespace)) {
            return parent.equals(Extensions.subString(x, "parent")) ? xml : null;
        }
        String target;
        List<String> notInBoth;
        if (name.equals("ParorendeForesatt") && otherPoNamespace().equals(namespace)) {
            target = poNamespace();
            notInBoth = List.of("<FodselsarMindrearigParorende", "<NarmesteParorende");
        } else if (name.equals("ResultItem") && otherNamespace().equals(namespace)) {
            target = ns;
            notInBoth = List.of("<InvDate", "<DateResult");
        } else {
            return null;
        }
        for (String tag : notInBoth) {
            if (xml.contains(tag)) return null;
        }
        return xml.replace("xmlns=\"" + namespace + "\"", "xmlns=\"" + target + "\"");
    }

    private void infItem(XmlOut out, DomainResource r, ServiceRequest infItemReferral, WriteContext ctx, Carried carried) {
        out.start("InfItem");
        CodeableConcept type = (CodeableConcept) Extensions.value(r, HenvisningExtensions.INF_ITEM_TYPE);
        Period period = null;
        if (r instanceof MedicationStatement ms) {
            if (type == null) type = new CodeableConcept(new Coding(Systems.ofOid(HenvisningReading.INF_ITEM_TYPE_OID),
                    HenvisningReading.MEDB, "Legemiddelopplysning"));
            CodeableConcept medication = ms.hasMedicationCodeableConcept() ? ms.getMedicationCodeableConcept() : null;
            String comment = ms.hasNote() ? ms.getNoteFirstRep().getText() : null;
            if (ms.hasExtension(HenvisningExtensions.MEDICATION_AS_TEXT) || medication == null || medication.isEmpty()) {
                out.start("Observation");
                out.leaf("Description", medication != null && medication.hasText() ? medication.getText()
                        : medication != null ? medication.getCodingFirstRep().getDisplay() : null);
                out.leaf("Comment", comment);
                out.end();
                if (ms.hasDosage() && ms.getDosageFirstRep().hasText()) {
                    ctx.loss(out.pathOf("Observation"), ms, "dosage[0].text", "free-text medication has no DosageText");
                }
            } else {
                out.start("Medication");
                KithCodes.writeCv(out, ns, "DrugId", medication);
                out.leaf("Comment", comment);
                Coding status = (Coding) Extensions.value(ms, HenvisningExtensions.MEDICATION_STATUS);
                KithCodes.writeCs(out, ns, "Status", status != null ? status : new Coding(null, "2", "Forskrevet"));
                pq(out, "IntendedDuration", Extensions.value(ms, HenvisningExtensions.INTENDED_DURATION));
                pq(out, "QuantitySupplied", Extensions.value(ms, HenvisningExtensions.QUANTITY_SUPPLIED));
                pq(out, "UnitDose", Extensions.value(ms, HenvisningExtensions.UNIT_DOSE));
                out.leaf("DosageText", ms.hasDosage() ? ms.getDosageFirstRep().getText() : null);
                out.end();
            }
            for (int i = 1; i < ms.getNote().size(); i++) {
                ctx.loss(out.pathOf("Comment"), ms, "note[" + i + "]", "an InfItem holds one comment");
            }
            if (ms.hasEffectivePeriod()) period = ms.getEffectivePeriod();
        } else {
            Observation obs = (Observation) r;
            if (type == null) type = obs.getCode();
            if (obs.hasExtension(HenvisningExtensions.CARRIED_XML)) {
                carried.write(out, obs, "InfItem", "ResultItem");
            } else {
                out.start("Observation");
                out.leaf("Description", obs.hasValueStringType() ? obs.getValueStringType().getValue()
                        : obs.hasValue() ? obs.getValue().primitiveValue() : null);
                out.leaf("Comment", obs.hasNote() ? obs.getNoteFirstRep().getText() : null);
                out.end();
            }
            if (obs.hasEffectivePeriod()) period = obs.getEffectivePeriod();
            else if (obs.hasEffectiveDateTimeType()) period = new Period().setStartElement(obs.getEffectiveDateTimeType());
        }
        csOrCv(out, "Type", type, HenvisningReading.INF_ITEM_TYPE_OID, infItemReferral, ctx, "InfItem/Type");
        if (period != null) {
            when(out, "StartDateTime", period.getStartElement(), false);
            when(out, "EndDateTime", period.getEndElement(), false);
        }
        when(out, "OrgDate", (BaseDateTimeType) Extensions.value(r, HenvisningExtensions.INF_ITEM_ORG_DATE), false);
        out.end();
    }

    /** ReasonAsText* from ServiceRequest.note. */
    protected void reasons(XmlOut out, ServiceRequest sr, WriteContext ctx) {
        for (Annotation note : sr.getNote()) {
            out.start("ReasonAsText");
            csOrCv(out, "Heading", (CodeableConcept) Extensions.value(note, HenvisningExtensions.REASON_HEADING),
                    HenvisningReading.REASON_HEADING_OID, sr, ctx, "ReasonAsText/Heading");
            out.leaf("TextResultValue", note.getText());
            for (Extension code : note.getExtensionsByUrl(HenvisningExtensions.REASON_TEXT_CODE)) {
                KithCodes.writeCv(out, ns, "TextCode", (CodeableConcept) code.getValue());
            }
            out.end();
        }
    }

    /** Diagnosis* from the Conditions in ServiceRequest.reasonReference and codes in reasonCode. */
    protected void diagnoses(XmlOut out, ServiceRequest sr, WriteContext ctx) {
        for (Reference ref : sr.getReasonReference()) {
            Condition c = ctx.resolve(ref, Condition.class);
            if (c == null || !c.hasCode()) {
                ctx.loss(out.pathOf("Diagnosis"), sr, "reasonReference", "only coded Conditions fit Diagnosis");
                continue;
            }
            out.start("Diagnosis");
            KithCodes.writeCv(out, ns, "Concept", c.getCode());
            for (Extension m : c.getExtensionsByUrl(HenvisningExtensions.DIAGNOSIS_MODIFIER)) {
                out.start("Modifier");
                KithCodes.writeCs(out, ns, "Name", (Coding) Extensions.sub(m, "name"));
                for (Extension v : m.getExtensionsByUrl("value")) KithCodes.writeCv(out, ns, "Value", (CodeableConcept) v.getValue());
                out.end();
            }
            out.end();
        }
        for (CodeableConcept code : sr.getReasonCode()) {
            out.start("Diagnosis");
            KithCodes.writeCv(out, ns, "Concept", code);
            out.end();
        }
    }

    /** ReqServ: service type (default N, new), date, priority (Volven 8306), comment. */
    protected void reqServ(XmlOut out, ServiceRequest sr, WriteContext ctx, Carried carried) {
        out.start("ReqServ");
        Coding type = (Coding) Extensions.value(sr, HenvisningExtensions.REQ_SERV_TYPE);
        KithCodes.writeCs(out, ns, "ServType", type != null ? type : new Coding(null, "N", "Ny"));
        Coding purpose = (Coding) Extensions.value(sr, HenvisningExtensions.REQ_SERV_PURPOSE);
        if (!v20) {
            KithCodes.writeCs(out, ns, "Purpose", purpose);
        } else if (purpose != null) {
            ctx.loss(lossPath(out, "Purpose", sr, ctx, null, "ReqServ/Purpose"), sr, "extension('" + HenvisningExtensions.REQ_SERV_PURPOSE + "')",
                    "Henvisning 2.0 removed ReqServ/Purpose");
        }
        if (sr.hasOccurrenceDateTimeType()) {
            when(out, "ReqDate", sr.getOccurrenceDateTimeType(), v20);
        } else if (sr.hasOccurrence()) {
            ctx.loss(out.pathOf("ReqDate"), sr, "occurrence", "ReqDate is one date");
        }
        Coding priority = (Coding) Extensions.value(sr.getPriorityElement(), Extensions.KITH_CODE);
        if (priority == null || !priority.hasCode()) {
            priority = HenvisningPriority.fromPriority(sr.getPriority()).map(KithCodes::coding)
                    .orElse(KithCodes.coding(HenvisningPriority.ORDINAER));
        }
        KithCodes.writeCs(out, ns, "Priority", priority);
        out.leaf("Comment", Extensions.string(sr, HenvisningExtensions.REQ_SERV_COMMENT));
        carried.write(out, sr, "ReqServ", "Service");
        out.end();
    }

    /** Comment*: 1.1 requires heading, text and at least one coded comment; others are reported. */
    protected void comments(XmlOut out, ServiceRequest sr, WriteContext ctx) {
        List<Extension> all = sr.getExtensionsByUrl(HenvisningExtensions.COMMENT);
        for (int i = 0; i < all.size(); i++) {
            Extension c = all.get(i);
            CodeableConcept heading = (CodeableConcept) Extensions.sub(c, "heading");
            String text = Extensions.subString(c, "text");
            List<Extension> coded = c.getExtensionsByUrl("codedComment");
            if (!v20 && (heading == null || text == null || coded.isEmpty())) {
                ctx.loss(lossPath(out, "Comment", sr, ctx, "Comment", "Comment"), sr, "extension('" + HenvisningExtensions.COMMENT + "')[" + i + "]",
                        "Henvisning 1.1 Comment needs Heading, TextResultValue and CodedComment");
                continue;
            }
            out.start("Comment");
            csOrCv(out, "Heading", heading, HenvisningReading.COMMENT_HEADING_OID, sr, ctx, "Comment/Heading");
            out.leaf("TextResultValue", text);
            for (Extension cc : coded) KithCodes.writeCv(out, ns, "CodedComment", (CodeableConcept) cc.getValue());
            out.end();
        }
    }

    /** Consent elements; {@code max} is 1 in 1.1; 2.0 requires ConsentStatus. */
    protected void consents(XmlOut out, ServiceRequest sr, WriteContext ctx, int max) {
        List<Extension> all = sr.getExtensionsByUrl(HenvisningExtensions.CONSENT);
        int written = 0;
        for (int i = 0; i < all.size(); i++) {
            Extension c = all.get(i);
            CodeableConcept status = (CodeableConcept) Extensions.sub(c, "status");
            if (written >= max || (v20 && status == null)) {
                ctx.loss(lossPath(out, "Consent", sr, ctx, "Consent", "Patient/Consent"), sr,
                        "extension('" + HenvisningExtensions.CONSENT + "')[" + i + "]",
                        written >= max ? standard.displayName() + " holds " + max + " Consent"
                                : "Henvisning 2.0 Consent needs ConsentStatus");
                continue;
            }
            out.start("Consent");
            KithCodes.writeCv(out, ns, "ConsentStatus", status);
            out.leaf("ConsentDate", KithDates.toKithDate((BaseDateTimeType) Extensions.sub(c, "date")));
            out.leaf("Merknad", Extensions.subString(c, "merknad"));
            out.leaf("GivenBy", Extensions.subString(c, "givenBy"));
            out.end();
            written++;
        }
    }

    /** The document id: the ServiceRequest's KITH document identifier, else its resource id. */
    protected static String documentId(ServiceRequest sr) {
        for (var i : sr.getIdentifier()) {
            if (Systems.KITH_DOCUMENT_ID.equals(i.getSystem()) && i.hasValue()) return i.getValue();
        }
        if (sr.hasIdentifier() && sr.getIdentifierFirstRep().hasValue()) return sr.getIdentifierFirstRep().getValue();
        return sr.getIdElement().hasIdPart() ? sr.getIdElement().getIdPart() : java.util.UUID.randomUUID().toString();
    }

    /** The issue date: authoredOn, else the Bundle timestamp, else now. */
    protected static BaseDateTimeType issueDate(ServiceRequest sr, WriteContext ctx) {
        if (sr.hasAuthoredOn()) return sr.getAuthoredOnElement();
        if (ctx.bundle().hasTimestamp()) return new DateTimeType(ctx.bundle().getTimestamp());
        return new DateTimeType(new java.util.Date());
    }

    /** Coding of an extension, or a default. */
    protected static Coding codingOr(DomainResource r, String url, Coding fallback) {
        Coding c = (Coding) Extensions.value(r, url);
        return c != null && c.hasCode() ? c : fallback;
    }

    /** Reports ServiceRequest elements no Henvisning element holds. */
    protected void reportUnwritable(XmlOut out, ServiceRequest sr, WriteContext ctx) {
        if (sr.getPerformer().size() > 1) {
            ctx.loss(out.path(), sr, "performer[1]", "a Henvisning has one receiver");
        }
        if (sr.hasOrderDetail()) ctx.loss(out.path(), sr, "orderDetail", "no Henvisning element");
        if (sr.hasBodySite()) ctx.loss(out.path(), sr, "bodySite", "no Henvisning element");
        if (sr.hasPatientInstruction()) ctx.loss(out.path(), sr, "patientInstruction", "no Henvisning element");
    }
}
