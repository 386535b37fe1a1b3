package no.samnav.mappers.epikrise;

import no.samnav.mappers.fhir.Extensions;

/**
 * Extension URLs for Epikrise content without a FHIR element (see docs/mapping/epikrise.md).
 * Append-only: the URLs are stable identifiers of stored data.
 */
public final class EpikriseExtensions {

    private EpikriseExtensions() {
    }

    /** On Composition: Message/MsgId of the Epikrise's own envelope (string). */
    public static final String MSG_ID = Extensions.BASE + "epikrise-msg-id";
    /** On Composition: Message/GenDate (dateTime). */
    public static final String GEN_DATE = Extensions.BASE + "epikrise-gen-date";
    /** On Composition: Message/MsgVersion (string). */
    public static final String MSG_VERSION = Extensions.BASE + "epikrise-msg-version";
    /** On Composition: Message/Status (Coding, Volven 8323; 1.2 only). */
    public static final String MSG_STATUS = Extensions.BASE + "epikrise-msg-status";
    /** On Composition, ServiceRequest and Encounter: ServType (Coding, Volven 7309 new/changed/...). */
    public static final String SERV_TYPE = Extensions.BASE + "epikrise-serv-type";
    /** On Composition: ServRprt/Status as written (Coding, Volven 7306). */
    public static final String REPORT_STATUS = Extensions.BASE + "epikrise-report-status";
    /** On Composition and Encounter: Priority (Coding, Volven 7303 / 8304). */
    public static final String PRIORITY = Extensions.BASE + "epikrise-priority";
    /** On Composition: ServRprt/Ack (Coding, Volven 7304). */
    public static final String ACK = Extensions.BASE + "epikrise-ack";
    /** On Composition: ServProvider, the sender (complex: party, role, comMethod). */
    public static final String SERV_PROVIDER = Extensions.BASE + "epikrise-serv-provider";
    /** On Composition: Requester, the primary receiver (complex: party, role, comMethod). */
    public static final String REQUESTER = Extensions.BASE + "epikrise-requester";
    /** On Composition: CopyDest, a copy recipient (complex: party, role, copyDestRole*). */
    public static final String COPY_DEST = Extensions.BASE + "epikrise-copy-dest";
    /** On Composition and Encounter: RelServProvider (complex: relation, role, party). */
    public static final String REL_SERV_PROVIDER = Extensions.BASE + "epikrise-rel-serv-provider";
    /** On Composition: ServReq, the referral answered (Reference to ServiceRequest). */
    public static final String SERV_REQ = Extensions.BASE + "epikrise-serv-req";
    /** On ServiceRequest: ReceiptDate (dateTime). */
    public static final String RECEIPT_DATE = Extensions.BASE + "epikrise-receipt-date";
    /** On ServiceRequest: ReasonAsText (complex text block: heading, text, textCode*). */
    public static final String REASON_AS_TEXT = Extensions.BASE + "epikrise-reason-as-text";
    /** On CodeableConcept: a Modifier of a coded concept (complex: name, value*). */
    public static final String MODIFIER = Extensions.BASE + "epikrise-modifier";
    /** On Composition.section: the Event a Comment belongs to (Reference to Encounter). */
    public static final String EVENT = Extensions.BASE + "epikrise-event";
    /** On Composition.section: TextResultValue exactly as written (string, markup in kith-markup). */
    public static final String TEXT_VALUE = Extensions.BASE + "epikrise-text-value";
    /** On Composition.section: TextCode (CodeableConcept), repeating. */
    public static final String TEXT_CODE = Extensions.BASE + "epikrise-text-code";
    /** On Encounter: Recipient (Coding, Volven 8250). */
    public static final String RECIPIENT = Extensions.BASE + "epikrise-recipient";
    /** On Encounter: ExpDuration (Quantity). */
    public static final String EXP_DURATION = Extensions.BASE + "epikrise-exp-duration";
    /** On Encounter: Event/Id (integer; Epikrise 1.1 only). */
    public static final String EVENT_ID = Extensions.BASE + "epikrise-event-id";
    /** On Encounter: CodedComment (CodeableConcept with modifiers), repeating. */
    public static final String CODED_COMMENT = Extensions.BASE + "epikrise-coded-comment";
    /** On Encounter: an Event without content (boolean). */
    public static final String EMPTY_EVENT = Extensions.BASE + "epikrise-empty-event";
    /** On Condition, MedicationStatement, Observation: InfItem/Type (Coding, Volven 8233). */
    public static final String INF_ITEM_TYPE = Extensions.BASE + "epikrise-infitem-type";
    /** On Observation: InfItem/OrgDate (dateTime). */
    public static final String ORG_DATE = Extensions.BASE + "epikrise-org-date";
    /** On clinical resources: InfItem/Origin (complex: role, party). */
    public static final String ORIGIN = Extensions.BASE + "epikrise-origin";
    /** On clinical resources: InfItem/RelHCProvider (complex: relation, role, party). */
    public static final String REL_HC_PROVIDER = Extensions.BASE + "epikrise-rel-hc-provider";
    /** On Condition and Observation: Observation/Comment (string). */
    public static final String OBSERVATION_COMMENT = Extensions.BASE + "epikrise-observation-comment";
    /** On MedicationStatement: DosageCoded (CodeableConcept, Volven 7478). */
    public static final String DOSAGE_CODED = Extensions.BASE + "epikrise-dosage-coded";
    /** On MedicationStatement: Form (CodeableConcept, Volven 7448). */
    public static final String FORM = Extensions.BASE + "epikrise-form";
    /** On MedicationStatement: IntendedDuration (Quantity). */
    public static final String INTENDED_DURATION = Extensions.BASE + "epikrise-intended-duration";
    /** On MedicationStatement: QuantitySupplied (Quantity). */
    public static final String QUANTITY_SUPPLIED = Extensions.BASE + "epikrise-quantity-supplied";
    /** On Patient: PatRelHCP (complex: relation, start, end, role (1.1), party). */
    public static final String PAT_REL_HCP = Extensions.BASE + "epikrise-pat-rel-hcp";
    /** On Patient: IdByServProvider / IdByRequester identifiers use these systems. */
    public static final String ID_BY_SERV_PROVIDER = "http://samnav.no/fhir/NamingSystem/epikrise-id-by-serv-provider";
    public static final String ID_BY_REQUESTER = "http://samnav.no/fhir/NamingSystem/epikrise-id-by-requester";
    /** On Organization: Dept/Type or (1.1) Inst/Type (Coding). HCP/MedSpecialty uses kith-med-speciality. */
    public static final String UNIT_TYPE = Extensions.BASE + "epikrise-unit-type";
    /** On Organization or PractitionerRole: HCP/PartyIdByRequester (string; 1.1 only). */
    public static final String PARTY_ID_BY_REQUESTER = Extensions.BASE + "epikrise-party-id-by-requester";
    /** On Organization or PractitionerRole: HCP/PartyIdByServProv (string; 1.1 only). */
    public static final String PARTY_ID_BY_SERV_PROV = Extensions.BASE + "epikrise-party-id-by-serv-prov";
    /** On PractitionerRole: HCProf/Position (CodeableConcept). */
    public static final String POSITION = Extensions.BASE + "epikrise-position";
    /** On PractitionerRole: the party was a HCProf (person without institution), not an HCPerson. */
    public static final String HC_PROF = Extensions.BASE + "epikrise-hcprof";
    /** On Composition.date: ServRprt/IssueDate had no value, the date shown is GenDate (boolean). */
    public static final String DATE_ABSENT = Extensions.BASE + "epikrise-date-absent";
    /** On Composition: Message/Type (Coding, Volven 8279), the document's own message type. */
    public static final String MESSAGE_TYPE = Extensions.BASE + "epikrise-message-type";
    /** On Composition: Message/MIGversion as written (string); rewritten only for the same version. */
    public static final String MIG_VERSION = Extensions.BASE + "epikrise-mig-version";
}
