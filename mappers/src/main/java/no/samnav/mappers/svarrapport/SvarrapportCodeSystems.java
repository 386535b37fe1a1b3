package no.samnav.mappers.svarrapport;

/**
 * OIDs of the Volven code systems behind the CS elements of Svarrapport 1.4 (which carry no S
 * attribute; HIS 80822 fixes the code system per element).
 */
public final class SvarrapportCodeSystems {

    private SvarrapportCodeSystems() {
    }

    private static final String P = "2.16.578.1.12.4.1.1.";

    /** Message/Status: status of the message (e.g. TEST). */
    public static final String MESSAGE_STATUS = P + "8323";
    /** ServReport/ServType and ServReq/ServType: Tjenestetype. */
    public static final String SERVICE_TYPE = P + "7309";
    /** ResultItem/ServType and AnalysedSubject/ServType: Tjenestetype for svarmelding. */
    public static final String RESULT_SERVICE_TYPE = P + "8270";
    /** ServReport/MsgDescr and ServReq/MsgDescr: Type laboratoriemelding. */
    public static final String LAB_MESSAGE_TYPE = P + "8202";
    /** ServReq/PaymentCat: Betalingskategori. */
    public static final String PAYMENT_CATEGORY = P + "4101";
    /** ServReq/RequestedPrioReport: Svarrapporteringsprioritet. */
    public static final String REPORT_PRIORITY = P + "7303";
    /** ServReq/Comment/Heading: Type tekstsvar i kommentar til rekvisisjon. */
    public static final String COMMENT_HEADING = P + "8234";
    /** Relation of Patient / ResponsibleHcp: Type relasjon til undersøkelsesobjekt. */
    public static final String SUBJECT_RELATION = P + "8238";
    /** RelServProv/Relation: Type relasjon til tilknyttet tjenesteyter. */
    public static final String REL_SERV_PROV_RELATION = P + "8254";
    /** Patient/BasisForHealthServices: Refusjonsgrunnlag. */
    public static final String BASIS_FOR_HEALTH_SERVICES = P + "8246";
    /** Patient/TypeOffId: Offisiell personidentifikasjon. */
    public static final String OFFICIAL_ID_TYPE = P + "8327";
    /** AnalysedSubject/SampleCollInd: Ja, nei. */
    public static final String YES_NO = P + "1101";
    /** NumResult/ArithmeticComp: Forholdsoperatorer. */
    public static final String ARITHMETIC_COMPARATOR = P + "8239";
    /** TextResult/Heading: Type tekstsvar i tekstlig resultat. */
    public static final String RESULT_HEADING = P + "8243";
    /** Resistens (S, I, R) in TextResult/TextCode of susceptibility results. */
    public static final String SUSCEPTIBILITY = P + "8271";
    /** Dept/Type: Organisatorisk betegnelse. */
    public static final String DEPARTMENT_TYPE = P + "8624";
    /** HCProf/Type: Kategori helsepersonell. */
    public static final String HEALTHCARE_PROFESSIONAL_TYPE = P + "9060";
    /** ComMethod: Kommunikasjonsmetode. */
    public static final String COM_METHOD = P + "8235";
    /** CopyDestRole/MsgType: Meldingstype - rekvisisjon og svar. */
    public static final String COPY_MSG_TYPE = P + "8236";
    /** Role of ServProvider / Requester / CopyDest / ResponsibleHcp (Rolle, kept as written). */
    public static final String PARTY_ROLE = P + "7319";
    /** Ack: Ja, nei. */
    public static final String ACK = P + "1101";
}
