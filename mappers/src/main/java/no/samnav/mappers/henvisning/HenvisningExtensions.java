package no.samnav.mappers.henvisning;

import no.samnav.mappers.fhir.Extensions;

/**
 * Extension URLs for Henvisning content without a FHIR element (see docs/mapping/henvisning.md).
 * Append only: the URLs are stable identifiers of stored data.
 */
public final class HenvisningExtensions {

    private HenvisningExtensions() {
    }

    /** On ServiceRequest: ServReq/ServType or Henvisning/ServType (Volven 7309), the referral's service type. */
    public static final String SERV_TYPE = Extensions.BASE + "henvisning-serv-type";
    /** On ServiceRequest: ReqServ/ServType (Volven 7309), the requested service's type. */
    public static final String REQ_SERV_TYPE = Extensions.BASE + "henvisning-req-serv-type";
    /** On ServiceRequest: ReqServ/Comment. */
    public static final String REQ_SERV_COMMENT = Extensions.BASE + "henvisning-req-serv-comment";
    /** On ServiceRequest: ReqServ/Purpose (1.1 only, CS). */
    public static final String REQ_SERV_PURPOSE = Extensions.BASE + "henvisning-req-serv-purpose";
    /** On ServiceRequest: PaymentCat (Volven 4101). */
    public static final String PAYMENT_CAT = Extensions.BASE + "henvisning-payment-cat";
    /** On ServiceRequest: ReqComment, the comment to the referral as a whole. */
    public static final String REQ_COMMENT = Extensions.BASE + "henvisning-req-comment";
    /** On ServiceRequest: ServReq/Ack (1.1 only, Volven 7304). */
    public static final String ACK = Extensions.BASE + "henvisning-ack";
    /** On ServiceRequest: BasisForHealthServices (Volven 8246), Patient child in 1.1. */
    public static final String BASIS_FOR_HEALTH_SERVICES = Extensions.BASE + "henvisning-basis-for-health-services";
    /** On ServiceRequest: po:TypeInnholdIMelding/Merknad (2.0). */
    public static final String TYPE_INNHOLD_MERKNAD = Extensions.BASE + "henvisning-type-innhold-merknad";
    /** On ServiceRequest.note: ReasonAsText/Heading (Volven 8231). */
    public static final String REASON_HEADING = Extensions.BASE + "henvisning-reason-heading";
    /** On ServiceRequest.note: ReasonAsText/TextCode (repeating). */
    public static final String REASON_TEXT_CODE = Extensions.BASE + "henvisning-reason-text-code";
    /** On ServiceRequest: Comment (complex: heading, text, codedComment*). */
    public static final String COMMENT = Extensions.BASE + "henvisning-comment";
    /** On ServiceRequest: Consent (complex: status, date, merknad, givenBy). */
    public static final String CONSENT = Extensions.BASE + "henvisning-consent";
    /**
     * On ServiceRequest: VurderingAvHenvisning (2.0 only; complex: datoMottakOgVurdering* with
     * typeDato and dato, frittSykehusvalg, ventetidSluttkode, forlopsId, rettTilHelsehjelp,
     * utfallAvVurdering), the priority / rights assessment of the receiving health trust.
     */
    public static final String VURDERING = Extensions.BASE + "henvisning-vurdering";
    /** On ServiceRequest: Pakkeforlop (2.0 only; complex: kode, merknad). */
    public static final String PAKKEFORLOP = Extensions.BASE + "henvisning-pakkeforlop";
    /** On ServiceRequest: PatRelHCP (1.1 only; complex: relation, start, end, party). */
    public static final String PAT_REL_HCP = Extensions.BASE + "henvisning-pat-rel-hcp";
    /** On ServiceRequest: Requester/ServProvider Role and ComMethod (1.1 only; complex: party, role, comMethod). */
    public static final String PARTY_ROLE = Extensions.BASE + "henvisning-party-role";
    /**
     * On ServiceRequest or Observation: a source element this mapping carries verbatim (complex:
     * parent, name, path, namespace, xml). Written back unchanged in the same version; reported as
     * lost in another version.
     */
    public static final String CARRIED_XML = Extensions.BASE + "henvisning-carried-xml";
    /** On Condition: Diagnosis/Modifier (complex: name, value*). */
    public static final String DIAGNOSIS_MODIFIER = Extensions.BASE + "henvisning-diagnosis-modifier";
    /** On Observation, MedicationStatement, Flag: InfItem/Type (Volven 8233). */
    public static final String INF_ITEM_TYPE = Extensions.BASE + "henvisning-inf-item-type";
    /** On Observation, MedicationStatement: InfItem/OrgDate. */
    public static final String INF_ITEM_ORG_DATE = Extensions.BASE + "henvisning-inf-item-org-date";
    /** On MedicationStatement: the InfItem was a free-text Observation of type MEDB, not a structured Medication. */
    public static final String MEDICATION_AS_TEXT = Extensions.BASE + "henvisning-medication-as-text";
    /** On MedicationStatement: Medication/Status (Volven 7307). */
    public static final String MEDICATION_STATUS = Extensions.BASE + "henvisning-medication-status";
    /** On MedicationStatement: Medication IntendedDuration, QuantitySupplied, UnitDose (PQ). */
    public static final String INTENDED_DURATION = Extensions.BASE + "henvisning-intended-duration";
    public static final String QUANTITY_SUPPLIED = Extensions.BASE + "henvisning-quantity-supplied";
    public static final String UNIT_DOSE = Extensions.BASE + "henvisning-unit-dose";
    /** On MessageHeader: Message/Status (1.1, Volven 8323). */
    public static final String MESSAGE_STATUS = Extensions.BASE + "henvisning-message-status";
    /** On MessageHeader: Message/MsgVersion (1.1). */
    public static final String MSG_VERSION = Extensions.BASE + "henvisning-msg-version";
}
