package no.samnav.mappers.kodeverk;

/**
 * OIDs of the Volven code systems behind KITH {@code CS} elements, which carry no {@code S}
 * attribute: the standard fixes the code system per element. Numbers from the code-system lists of
 * HIS 80601 (Hodemelding), HIS 80603 (Dialogmelding) and HIS 80415 (AppRec).
 */
public final class KithCodeSystems {

    private KithCodeSystems() {
    }

    private static final String P = "2.16.578.1.12.4.1.1.";

    public static final String SEX = P + "3101";
    public static final String CONSENT = P + "3109";
    public static final String ADDRESS_TYPE = P + "3401";
    public static final String MUNICIPALITY = P + "3402";
    public static final String DOCUMENT_CONNECTION = P + "4702";
    public static final String ACK = P + "7304";
    public static final String ROLE_RECEIVER = P + "8112";
    public static final String REF_DOC_TYPE = P + "8114";
    public static final String REQUESTED_PRIORITY = P + "8115";
    public static final String PROCESSING_STATUS = P + "8113";
    public static final String COM_METHOD = P + "8235";
    public static final String MESSAGE_TYPE = P + "8279";
    public static final String ORGANISATION_TYPE = P + "9040";
    public static final String COUNTRY = P + "9043";
    public static final String ROLE_TO_PATIENT = P + "9034";
    public static final String HEALTHCARE_PROFESSIONAL_TYPE = P + "9060";
    public static final String TELECOM_TYPE = P + "9061";
    public static final String COMPRESSION = P + "1204";
    /** Dialogmelding Foresporsel/Hastegrad, "Hastegrad for å svare på forespørsel". */
    public static final String DIALOG_URGENCY = P + "9067";
    /** AppRec Sender/Receiver Role. */
    public static final String APPREC_ROLE = P + "9057";
    /** AppRec HCProf/Type and Dept/Type. */
    public static final String APPREC_HCP_TYPE = P + "9060";
    /** AppRec TypeId (identifier type for organisations and persons). */
    public static final String APPREC_ID_TYPE = P + "9051";
}
