package no.samnav.mappers.fhir;

/**
 * FHIR system URIs used by the mappers: the national identifier systems of the HL7 Norway
 * no-basis profiles, the Volven code systems, and the few project systems for KITH-only concepts.
 */
public final class Systems {

    private Systems() {
    }

    /** Fødselsnummer (no-basis NamingSystem FNR). */
    public static final String FNR = "urn:oid:2.16.578.1.12.4.1.4.1";
    /** D-nummer (no-basis NamingSystem DNR). */
    public static final String DNR = "urn:oid:2.16.578.1.12.4.1.4.2";
    /** Felles hjelpenummer (no-basis NamingSystem FHNR). */
    public static final String FHN = "urn:oid:2.16.578.1.12.4.1.4.3";
    /** HPR-nummer, health personnel register (no-basis NamingSystem HPR). */
    public static final String HPR = "urn:oid:2.16.578.1.12.4.1.4.4";
    /** HER-id, the address register. */
    public static final String HER = "urn:oid:2.16.578.1.12.4.1.2";
    /** Organisasjonsnummer in Enhetsregisteret. */
    public static final String ENH = "urn:oid:2.16.578.1.12.4.1.4.101";
    /** RESH-id, the register of health-service units. */
    public static final String RESH = "urn:oid:2.16.578.1.12.4.1.4.102";

    /** Prefix of every Volven code system: append the number, e.g. {@code volven("7322")}. */
    public static final String VOLVEN_PREFIX = "urn:oid:2.16.578.1.12.4.1.1.";

    public static String volven(String number) {
        return VOLVEN_PREFIX + number;
    }

    /** ICD-10 (Volven 7110). */
    public static final String ICD10 = volven("7110");
    /** ICPC-2 (Volven 7170). */
    public static final String ICPC2 = volven("7170");
    /** Message type, "Meldingens funksjon" (Volven 8279). */
    public static final String MESSAGE_TYPE = volven("8279");

    /** Project namespace for KITH message ids (MsgId, AppRec Id), which are not always UUIDs. */
    public static final String KITH_MESSAGE_ID = "http://samnav.no/fhir/NamingSystem/kith-msgid";
    /** Project namespace for document ids inside KITH messages (RefDoc/Id, DokIdNotat, ...). */
    public static final String KITH_DOCUMENT_ID = "http://samnav.no/fhir/NamingSystem/kith-document-id";

    /** Project code system: how a message arrived (MsgHead-wrapped or a bare document). */
    public static final String ENVELOPE = "http://samnav.no/fhir/CodeSystem/kith-envelope";

    /**
     * Project code system: the category of a document in the shared journal (codes {@code epikrise},
     * {@code henvisning}, {@code dialogmelding}, {@code svarrapport}, {@code svangerskap}); the codes
     * are listed in {@code no.samnav.mappers.journal.DocumentKind}.
     */
    public static final String DOCUMENT_CATEGORY = "http://samnav.no/fhir/CodeSystem/document-category";
    /** LOINC, for the document types of the shared journal. */
    public static final String LOINC = "http://loinc.org";
    /** RFC 3986 URIs, for identifiers written as {@code urn:uuid:} and for namespace format codes. */
    public static final String URI = "urn:ietf:rfc:3986";
    /** HL7 v3 Confidentiality, for the security label of shared documents. */
    public static final String V3_CONFIDENTIALITY = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";

    /** urn:oid: prefix. */
    public static final String URN_OID = "urn:oid:";

    /** The OID in a {@code urn:oid:} URI, or null for other systems. */
    public static String oidOf(String system) {
        return system != null && system.startsWith(URN_OID) ? system.substring(URN_OID.length()) : null;
    }

    /** A FHIR system for an OID, or null. */
    public static String ofOid(String oid) {
        return oid == null || oid.isBlank() ? null : URN_OID + oid.trim();
    }
}
