package no.samnav.mappers.henvisning;

import java.util.List;
import no.samnav.mappers.KithStandard;
import no.samnav.mappers.core.DocumentReader;
import no.samnav.mappers.core.ReadContext;
import no.samnav.mappers.error.MissingElementException;
import no.samnav.mappers.fhir.Extensions;
import no.samnav.mappers.fhir.KithCodes;
import no.samnav.mappers.fhir.KithDates;
import no.samnav.mappers.fhir.Systems;
import no.samnav.mappers.kodeverk.HenvisningPriority;
import no.samnav.mappers.xml.XmlElement;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.MarkdownType;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.UriType;

/**
 * Reading of Henvisning, shared by versions 1.1 and 2.0: the clinical content both versions have
 * (InfItem, PatientPrecaution, ReasonAsText, Diagnosis, ReqServ, Comment, Consent) with the few type
 * differences between them (CS in 1.1 where 2.0 has CV; TS attributes in 1.1 where 2.0 has
 * {@code dateTime}/{@code date} text). The referral becomes a ServiceRequest (category referral);
 * diagnoses become Conditions, medication InfItems MedicationStatements, other InfItems Observations
 * and precautions Flags, all linked from the ServiceRequest.
 */
public abstract class HenvisningReading implements DocumentReader {

    /** SNOMED CT "Patient referral", the ServiceRequest.category of every referral. */
    public static final String SNOMED = "http://snomed.info/sct";
    public static final String REFERRAL_CODE = "3457005";
    /** Volven code systems of elements that are CS (no S attribute) in at least one version. */
    public static final String INF_ITEM_TYPE_OID = "2.16.578.1.12.4.1.1.8233";
    public static final String REASON_HEADING_OID = "2.16.578.1.12.4.1.1.8231";
    public static final String COMMENT_HEADING_OID = "2.16.578.1.12.4.1.1.8234";
    public static final String SERV_TYPE_OID = "2.16.578.1.12.4.1.1.7309";
    public static final String REFERRAL_TYPE_OID = "2.16.578.1.12.4.1.1.8455";
    public static final String PAYMENT_CAT_OID = "2.16.578.1.12.4.1.1.4101";
    public static final String BASIS_OID = "2.16.578.1.12.4.1.1.8246";
    public static final String MEDICATION_STATUS_OID = "2.16.578.1.12.4.1.1.7307";
    public static final String MODIFIER_OID = "2.16.578.1.12.4.1.1.7305";
    /** InfItem/Type code of medication information (Legemiddelopplysning). */
    public static final String MEDB = "MEDB";

    protected final KithStandard standard;
    protected final boolean v20;

    protected HenvisningReading(KithStandard standard) {
        this.standard = standard;
        this.v20 = standard == KithStandard.HENVISNING_2_0;
    }

    /** A new ServiceRequest with what every referral has. */
    protected static ServiceRequest newReferral() {
        ServiceRequest sr = new ServiceRequest();
        sr.setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE);
        sr.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        sr.addCategory(new CodeableConcept(new Coding(SNOMED, REFERRAL_CODE, "Patient referral")));
        return sr;
    }

    /** A date or date-time: a TS {@code V} attribute in 1.1, element text in 2.0. */
    protected DateTimeType when(XmlElement e) {
        if (e == null) return null;
        return KithDates.dateTime(v20 ? e.text() : e.attr("V"), e);
    }

    /** An element that is CS in 1.1 and CV in 2.0, as a CodeableConcept. */
    protected CodeableConcept csOrCv(XmlElement e, String oid) {
        if (e == null) return null;
        return v20 ? KithCodes.cv(e) : new CodeableConcept(KithCodes.cs(e, oid));
    }

    /** Carries a source element verbatim on {@code on} (see {@link HenvisningExtensions#CARRIED_XML}). */
    public static void carry(DomainResource on, XmlElement e, String parent) {
        e.markSubtreeRead();
        Extension x = on.addExtension().setUrl(HenvisningExtensions.CARRIED_XML);
        x.addExtension("parent", new StringType(parent));
        x.addExtension("name", new StringType(e.name()));
        x.addExtension("path", new StringType(e.path()));
        x.addExtension("namespace", new UriType(e.namespace()));
        x.addExtension("xml", new StringType(e.outerXml()));
    }

    /** Carries every child of {@code parent} with this name. */
    protected static void carryAll(DomainResource on, XmlElement parent, String name) {
        for (XmlElement e : parent.children(name)) carry(on, e, parent.name());
    }

    /** The subject every resource of the referral refers to; a referral without a patient is refused. */
    protected static Reference requirePatient(ReadContext ctx, XmlElement where) {
        Reference patient = ctx.patient();
        if (patient == null) {
            throw new MissingElementException(where.location(),
                    "A Henvisning must identify the patient (MsgHead MsgInfo/Patient)");
        }
        return patient;
    }

    // ------------------------------------------------------------------ shared content

    /** PatientPrecaution* as Flags in ServiceRequest.supportingInfo. */
    protected void precautions(XmlElement parent, ServiceRequest sr, ReadContext ctx) {
        for (XmlElement p : parent.children("PatientPrecaution")) {
            Flag flag = new Flag();
            flag.setStatus(Flag.FlagStatus.ACTIVE);
            flag.setSubject(sr.getSubject().copy());
            flag.setCode(new CodeableConcept().setText(p.requiredText("Precaution")));
            Period period = period(p.child("StartDateTime"), p.child("EndDateTime"));
            if (period != null) flag.setPeriod(period);
            sr.addSupportingInfo(ctx.add(flag));
        }
    }

    private Period period(XmlElement start, XmlElement end) {
        if (start == null && end == null) return null;
        Period p = new Period();
        if (start != null) p.setStartElement(when(start));
        if (end != null) p.setEndElement(when(end));
        return p;
    }

    /**
     * InfItem*: structured Medication and free-text medication information (type MEDB) become
     * MedicationStatements (the medication list, LiB); other observations and results Observations.
     */
    protected void infItems(XmlElement parent, ServiceRequest sr, ReadContext ctx) {
        for (XmlElement item : parent.children("InfItem")) {
            CodeableConcept type = csOrCv(item.required("Type"), INF_ITEM_TYPE_OID);
            Period period = period(item.child("StartDateTime"), item.child("EndDateTime"));
            DateTimeType orgDate = when(item.child("OrgDate"));
            XmlElement medication = item.child("Medication");
            XmlElement observation = item.child("Observation");
            XmlElement result = item.child("ResultItem");
            boolean textMedication = observation != null && MEDB.equals(type.getCodingFirstRep().getCode())
                    && observation.textOf("Description") != null;
            DomainResource resource;
            if (medication != null || textMedication) {
                MedicationStatement ms = new MedicationStatement();
                ms.setStatus(MedicationStatement.MedicationStatementStatus.UNKNOWN);
                ms.setSubject(sr.getSubject().copy());
                if (medication != null) medication(medication, ms);
                else {
                    ms.setMedication(new CodeableConcept().setText(observation.textOf("Description")));
                    ms.addExtension(HenvisningExtensions.MEDICATION_AS_TEXT, new BooleanType(true));
                    String comment = observation.textOf("Comment");
                    if (comment != null) ms.addNote().setText(comment);
                }
                if (period != null) ms.setEffective(period);
                resource = ms;
            } else {
                Observation obs = new Observation();
                obs.setStatus(Observation.ObservationStatus.FINAL);
                obs.setSubject(sr.getSubject().copy());
                obs.setCode(type.copy());
                if (observation != null) {
                    String description = observation.textOf("Description");
                    if (description != null) obs.setValue(new StringType(description));
                    String comment = observation.textOf("Comment");
                    if (comment != null) obs.addNote().setText(comment);
                } else {
                    carry(obs, result, "InfItem");
                }
                if (period != null) obs.setEffective(period);
                resource = obs;
            }
            resource.addExtension(HenvisningExtensions.INF_ITEM_TYPE, type);
            Extensions.add(resource, HenvisningExtensions.INF_ITEM_ORG_DATE, orgDate);
            sr.addSupportingInfo(ctx.add(resource));
        }
    }

    private static void medication(XmlElement m, MedicationStatement ms) {
        ms.setMedication(KithCodes.cv(m.required("DrugId")));
        String comment = m.textOf("Comment");
        if (comment != null) ms.addNote().setText(comment);
        ms.addExtension(HenvisningExtensions.MEDICATION_STATUS, KithCodes.cs(m.required("Status"), MEDICATION_STATUS_OID));
        Extensions.add(ms, HenvisningExtensions.INTENDED_DURATION, quantity(m.child("IntendedDuration")));
        Extensions.add(ms, HenvisningExtensions.QUANTITY_SUPPLIED, quantity(m.child("QuantitySupplied")));
        Extensions.add(ms, HenvisningExtensions.UNIT_DOSE, quantity(m.child("UnitDose")));
        String dosage = m.textOf("DosageText");
        if (dosage != null) ms.addDosage(new Dosage().setText(dosage));
    }

    /** A KITH PQ (V double, U unit) as a Quantity; the value text is kept as written. */
    protected static Quantity quantity(XmlElement pq) {
        if (pq == null) return null;
        Quantity q = new Quantity();
        String v = pq.attr("V");
        if (v != null) q.setValueElement(new org.hl7.fhir.r4.model.DecimalType(v.trim()));
        q.setUnit(pq.attr("U"));
        return q;
    }

    /** ReasonAsText* as ServiceRequest.note, each with its heading and text codes. */
    protected void reasons(XmlElement parent, ServiceRequest sr) {
        for (XmlElement r : parent.children("ReasonAsText")) {
            Annotation note = sr.addNote();
            String text = r.textOf("TextResultValue");
            if (text != null) {
                note.setText(text);
            } else {
                MarkdownType absent = new MarkdownType();
                absent.addExtension("http://hl7.org/fhir/StructureDefinition/data-absent-reason", new CodeType("unknown"));
                note.setTextElement(absent);
            }
            Extensions.add(note, HenvisningExtensions.REASON_HEADING, csOrCv(r.child("Heading"), REASON_HEADING_OID));
            for (XmlElement code : r.children("TextCode")) {
                Extensions.add(note, HenvisningExtensions.REASON_TEXT_CODE, KithCodes.cv(code));
            }
        }
    }

    /** Diagnosis* as Conditions in ServiceRequest.reasonReference (the first is the main diagnosis). */
    protected void diagnoses(XmlElement parent, ServiceRequest sr, ReadContext ctx) {
        for (XmlElement d : parent.children("Diagnosis")) {
            Condition c = new Condition();
            c.setSubject(sr.getSubject().copy());
            c.setCode(KithCodes.cv(d.required("Concept")));
            for (XmlElement m : d.children("Modifier")) {
                Extension ext = c.addExtension().setUrl(HenvisningExtensions.DIAGNOSIS_MODIFIER);
                Extensions.addSub(ext, "name", KithCodes.cs(m.required("Name"), MODIFIER_OID));
                for (XmlElement value : m.children("Value")) Extensions.addSub(ext, "value", KithCodes.cv(value));
            }
            sr.addReasonReference(ctx.add(c));
        }
    }

    /** ReqServ: requested service type, date, priority (Volven 8306) and comment. */
    protected void reqServ(XmlElement reqServ, ServiceRequest sr) {
        Extensions.add(sr, HenvisningExtensions.REQ_SERV_TYPE, KithCodes.cs(reqServ.required("ServType"), SERV_TYPE_OID));
        Extensions.add(sr, HenvisningExtensions.REQ_SERV_PURPOSE, KithCodes.cs(reqServ.child("Purpose"), null));
        XmlElement reqDate = reqServ.child("ReqDate");
        if (reqDate != null) sr.setOccurrence(when(reqDate));
        Coding priority = KithCodes.cs(reqServ.required("Priority"), HenvisningPriority.OID);
        HenvisningPriority.fromCode(priority.getCode()).ifPresent(p -> sr.setPriority(p.priority()));
        sr.getPriorityElement().addExtension(Extensions.KITH_CODE, priority);
        Extensions.addString(sr, HenvisningExtensions.REQ_SERV_COMMENT, reqServ.textOf("Comment"));
        XmlElement service = reqServ.child("Service");
        if (service != null) carry(sr, service, "ReqServ");
    }

    /** Comment* (coded and free-text comments to the referral). */
    protected void comments(XmlElement parent, ServiceRequest sr) {
        for (XmlElement c : parent.children("Comment")) {
            Extension ext = sr.addExtension().setUrl(HenvisningExtensions.COMMENT);
            Extensions.addSub(ext, "heading", csOrCv(c.child("Heading"), COMMENT_HEADING_OID));
            Extensions.addSubString(ext, "text", c.textOf("TextResultValue"));
            for (XmlElement coded : c.children("CodedComment")) Extensions.addSub(ext, "codedComment", KithCodes.cv(coded));
        }
    }

    /** Consent (who consented to the referral). */
    protected void consents(List<XmlElement> consents, ServiceRequest sr) {
        for (XmlElement c : consents) {
            Extension ext = sr.addExtension().setUrl(HenvisningExtensions.CONSENT);
            Extensions.addSub(ext, "status", KithCodes.cv(c.child("ConsentStatus")));
            XmlElement date = c.child("ConsentDate");
            if (date != null) Extensions.addSub(ext, "date", KithDates.date(date.text(), date));
            Extensions.addSubString(ext, "merknad", c.textOf("Merknad"));
            Extensions.addSubString(ext, "givenBy", c.textOf("GivenBy"));
        }
    }

    /** The document id (ServReq/Id, DocumentId) as ServiceRequest.identifier. */
    protected static void documentId(String id, ServiceRequest sr) {
        sr.addIdentifier().setSystem(Systems.KITH_DOCUMENT_ID).setValue(id.trim());
    }

    /** The issue date as ServiceRequest.authoredOn. */
    protected static void issued(BaseDateTimeType date, ServiceRequest sr) {
        sr.setAuthoredOnElement(new DateTimeType(date.getValueAsString()));
    }

    /** The ServiceRequest among focus resources written by this mapping, or null. */
    public static boolean isReferral(org.hl7.fhir.r4.model.Resource r) {
        if (!(r instanceof ServiceRequest sr)) return false;
        for (CodeableConcept c : sr.getCategory()) {
            for (Coding coding : c.getCoding()) {
                if (SNOMED.equals(coding.getSystem()) && REFERRAL_CODE.equals(coding.getCode())) return true;
            }
        }
        return false;
    }

    /** The message type of a bare document or a MsgHead without its own. */
    @Override
    public Coding messageType(XmlElement document) {
        return v20 ? new Coding(Systems.MESSAGE_TYPE, "HENVISNING_NYTILSTAND", "Henvisning ny tilstand")
                : new Coding(Systems.MESSAGE_TYPE, "HENVISNING", "Henvisning");
    }

    /** The standard this reader reads. */
    public KithStandard standard() {
        return standard;
    }

    /** Convenience for version readers: a boolean element's value. */
    protected static BooleanType bool(XmlElement e) {
        return e == null ? null : new BooleanType(e.text().trim());
    }

    /** Convenience for version readers: a date element's value. */
    protected static DateType date(XmlElement e) {
        return e == null ? null : KithDates.date(e.text(), e);
    }
}
