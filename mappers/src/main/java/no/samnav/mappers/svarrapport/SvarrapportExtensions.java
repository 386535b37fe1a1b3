package no.samnav.mappers.svarrapport;

import no.samnav.mappers.fhir.Extensions;

/**
 * Extension URLs and identifier systems for Svarrapport content without a FHIR element (see
 * docs/mapping/svarrapport.md). Append only: the URLs are stable.
 */
public final class SvarrapportExtensions {

    private SvarrapportExtensions() {
    }

    private static final String NS = "http://samnav.no/fhir/NamingSystem/";

    // ------------------------------------------------------------------ identifier systems

    /** ServReport/ServProvId: the service provider's id of the report. */
    public static final String SYSTEM_SERV_PROV_ID = NS + "svarrapport-servprovid";
    /** ServReq/Id: the requester's id of the requisition. */
    public static final String SYSTEM_REQUISITION_ID = NS + "svarrapport-requisition-id";
    /** ServReq/IdByServProvider: the service provider's id of the requisition. */
    public static final String SYSTEM_REQUISITION_ID_BY_SERV_PROVIDER = NS + "svarrapport-requisition-id-by-servprovider";
    /** AnalysedSubject/IdByServProvider: the sample id the lab gave (target of RefAnalysedSubject). */
    public static final String SYSTEM_SPECIMEN_ID = NS + "svarrapport-specimen-id";
    /** AnalysedSubject/IdByRequester. */
    public static final String SYSTEM_SPECIMEN_ID_BY_REQUESTER = NS + "svarrapport-specimen-id-by-requester";
    /** ResultItem/IdResultItem (target of RefIdResultItem). */
    public static final String SYSTEM_RESULT_ITEM_ID = NS + "svarrapport-result-item-id";
    /** Patient/IdByServProvider. */
    public static final String SYSTEM_PATIENT_ID_BY_SERV_PROVIDER = NS + "svarrapport-patient-id-by-servprovider";
    /** Patient/IdByRequester. */
    public static final String SYSTEM_PATIENT_ID_BY_REQUESTER = NS + "svarrapport-patient-id-by-requester";

    // ------------------------------------------------------------------ DiagnosticReport

    /**
     * On DiagnosticReport: the Message envelope of the document (complex: type, msgVersion, migVersion, genDate,
     * msgId, status), kept so a report inside a MsgHead keeps its own ids.
     */
    public static final String MESSAGE = Extensions.BASE + "svarrapport-message";
    /** ServType (CS, Volven 7309 on ServReport/ServReq, 8270 on ResultItem/AnalysedSubject). */
    public static final String SERV_TYPE = Extensions.BASE + "svarrapport-serv-type";
    /** ServReport/ApprDate (dateTime). */
    public static final String APPROVAL_DATE = Extensions.BASE + "svarrapport-approval-date";
    /** ServReport/CancellationCode (CV). */
    public static final String CANCELLATION_CODE = Extensions.BASE + "svarrapport-cancellation-code";
    /** Ack (CS) on ServReport or ServReq. */
    public static final String ACK = Extensions.BASE + "svarrapport-ack";
    /**
     * A party of the report (complex): kind (servProvider, requester, responsibleHcp, relServProv,
     * copyDest, paymentResponsible), role, relation, comMethod, typeGuarantor (CS/ST of the
     * element), hcp (Organization for Inst, PractitionerRole for HCProf), dept*, person*
     * (PractitionerRole for HCPerson), copyDestRole* (complex).
     */
    public static final String PARTY = Extensions.BASE + "svarrapport-party";
    /**
     * Content kept as the original XML because no FHIR mapping covers it (complex: element, xml);
     * written back verbatim at its place in the schema sequence.
     */
    public static final String KITH_XML = Extensions.BASE + "svarrapport-kith-xml";

    // ------------------------------------------------------------------ ServiceRequest

    /** ServReq/PaymentCat (CS, Volven 4101). */
    public static final String PAYMENT_CATEGORY = Extensions.BASE + "svarrapport-payment-category";
    /** ServReq/RequestedPrioReport (CS, Volven 7303). */
    public static final String REQUESTED_PRIO_REPORT = Extensions.BASE + "svarrapport-requested-prio-report";
    /** ServReq/ReceiptDate (dateTime). */
    public static final String RECEIPT_DATE = Extensions.BASE + "svarrapport-receipt-date";
    /** ServReq/Reservation (CV, Volven 3108). */
    public static final String RESERVATION = Extensions.BASE + "svarrapport-reservation";
    /** On Annotation: Heading (CS, Volven 8234) of a ServReq/Comment. */
    public static final String COMMENT_HEADING = Extensions.BASE + "svarrapport-comment-heading";
    /** On Annotation: TextCode (CV) of a ServReq/Comment. */
    public static final String COMMENT_TEXT_CODE = Extensions.BASE + "svarrapport-comment-text-code";

    // ------------------------------------------------------------------ Patient

    /** Patient/BasisForHealthServices (CS, Volven 8246). */
    public static final String BASIS_FOR_HEALTH_SERVICES = Extensions.BASE + "svarrapport-basis-for-health-services";
    /** Relation (CS, Volven 8238 on Patient, 8254 on RelServProv, 7319 on ResponsibleHcp). */
    public static final String RELATION = Extensions.BASE + "svarrapport-relation";

    // ------------------------------------------------------------------ Specimen

    /** AnalysedSubject/Type (ST): the sample type as free text. */
    public static final String SPECIMEN_TYPE_TEXT = Extensions.BASE + "svarrapport-specimen-type-text";
    /** AnalysedSubject/PreservMaterial (ST). */
    public static final String PRESERV_MATERIAL = Extensions.BASE + "svarrapport-preserv-material";
    /** AnalysedSubject/Number (INT): the number of containers. */
    public static final String SPECIMEN_NUMBER = Extensions.BASE + "svarrapport-specimen-number";
    /** AnalysedSubject/SampleCollInd (CS, Volven 1101). */
    public static final String SAMPLE_COLL_IND = Extensions.BASE + "svarrapport-sample-coll-ind";
    /** CollectedSample/CollectorCommentCoded (CV). */
    public static final String COLLECTOR_COMMENT_CODED = Extensions.BASE + "svarrapport-collector-comment-coded";
    /** CollectedSample/Logistics (ST). */
    public static final String LOGISTICS = Extensions.BASE + "svarrapport-logistics";
    /** On Annotation: the note came from CollectedSample/CollectorComment (not AnalysedSubject/Comment). */
    public static final String COLLECTOR_COMMENT = Extensions.BASE + "svarrapport-collector-comment";
    /** Accredited (BL) on AnalysedSubject or ResultItem. */
    public static final String ACCREDITED = Extensions.BASE + "svarrapport-accredited";

    // ------------------------------------------------------------------ Observation

    /** TextResult/Heading (CS, Volven 8243). */
    public static final String RESULT_HEADING = Extensions.BASE + "svarrapport-result-heading";
    /** TextResult/TextCode (CV) that is neither the value nor a susceptibility interpretation. */
    public static final String TEXT_CODE = Extensions.BASE + "svarrapport-text-code";
    /** TextResult/Unit (ST). */
    public static final String TEXT_UNIT = Extensions.BASE + "svarrapport-text-unit";
    /** On Quantity: NumResult/ArithmeticComp (CS, Volven 8239) as written. */
    public static final String ARITHMETIC_COMP = Extensions.BASE + "svarrapport-arithmetic-comp";
    /** Investigation/Spec (CV) of the first Investigation. */
    public static final String INVESTIGATION_SPEC = Extensions.BASE + "svarrapport-investigation-spec";
    /** Investigation/Comment (ST) of the first Investigation. */
    public static final String INVESTIGATION_COMMENT = Extensions.BASE + "svarrapport-investigation-comment";
    /** On Observation.code: the ResultItem had no Investigation (the code is only a placeholder text). */
    public static final String NO_INVESTIGATION = Extensions.BASE + "svarrapport-no-investigation";
    /** On Coding: the OT (original text) of a further Investigation/Id. */
    public static final String ORIGINAL_TEXT = Extensions.BASE + "svarrapport-original-text";
    /** ResultItem/RefIdResultItem (ST): the IdResultItem this result belongs to (e.g. isolate). */
    public static final String REF_ID_RESULT_ITEM = Extensions.BASE + "svarrapport-ref-id-result-item";
    /** ResultItem/RefAnalysedSubject (ST) beyond the one Observation.specimen holds, or unresolved. */
    public static final String REF_ANALYSED_SUBJECT = Extensions.BASE + "svarrapport-ref-analysed-subject";
    /** ResultItem/StatusChangeDate (dateTime). */
    public static final String STATUS_CHANGE_DATE = Extensions.BASE + "svarrapport-status-change-date";
    /** ResultItem/DescrDate (dateTime). */
    public static final String DESCR_DATE = Extensions.BASE + "svarrapport-descr-date";
    /** ResultItem/CounterSignDate (dateTime). */
    public static final String COUNTER_SIGN_DATE = Extensions.BASE + "svarrapport-counter-sign-date";
    /** ResultItem/MedicalValidationDate (dateTime). */
    public static final String MEDICAL_VALIDATION_DATE = Extensions.BASE + "svarrapport-medical-validation-date";

    /** ServReport/IssueDate when it is a date without time (DiagnosticReport.issued needs an instant). */
    public static final String ISSUE_DATE = Extensions.BASE + "svarrapport-issue-date";
    /** On Annotation: the note came from a ServReq/Comment element (not ReqComment). */
    public static final String REQUISITION_COMMENT = Extensions.BASE + "svarrapport-requisition-comment";
}
