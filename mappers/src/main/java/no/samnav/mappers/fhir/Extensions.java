package no.samnav.mappers.fhir;

import org.hl7.fhir.instance.model.api.IBaseExtension;
import org.hl7.fhir.instance.model.api.IBaseHasExtensions;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;

/**
 * Extension URLs of the project (under {@value #BASE}) for KITH content that has no FHIR element,
 * and small helpers to read and write them. Every URL is listed in docs/mapping/README.md.
 */
public final class Extensions {

    private Extensions() {
    }

    public static final String BASE = "http://samnav.no/fhir/StructureDefinition/";

    /** On MessageHeader.focus: the MsgHead Document/RefDoc envelope of a focus resource. */
    public static final String DOCUMENT = BASE + "kith-document";
    /** On MessageHeader: MsgInfo/ConversationRef (HITS 1218). */
    public static final String CONVERSATION_REF = BASE + "kith-conversation-ref";
    /** On MessageHeader: MsgInfo/Patient, the patient the message is about. */
    public static final String MSGHEAD_PATIENT = BASE + "kith-msghead-patient";
    /** On MessageHeader: MsgInfo/ProcessingStatus. */
    public static final String PROCESSING_STATUS = BASE + "kith-processing-status";
    /** On MessageHeader: MsgInfo/RequestedPriority. */
    public static final String REQUESTED_PRIORITY = BASE + "kith-requested-priority";
    /** On MessageHeader: MsgInfo/Ack (whether an AppRec is requested). */
    public static final String ACK = BASE + "kith-ack";
    /** On MessageHeader.source and .destination: Sender/Receiver/OtherReceiver ComMethod. */
    public static final String COM_METHOD = BASE + "kith-com-method";
    /** On MessageHeader.source / destination: a health professional beside a sub-unit in the same Organisation. */
    public static final String ADDITIONAL_PARTY = BASE + "kith-additional-party";
    /** On MessageHeader.destination: MsgHead OtherReceiver/RoleReceiver (copy recipients and others). */
    public static final String ROLE_RECEIVER = BASE + "kith-role-receiver";
    /** On any element: the exact KITH code behind a FHIR code with a smaller value set. */
    public static final String KITH_CODE = BASE + "kith-code";
    /** On a free-text element: the original content with XHTML markup (KITH anyType text). */
    public static final String MARKUP = BASE + "kith-markup";
    /** On PractitionerRole, RelatedPerson, Person: HealthcareProfessional/RoleToPatient (Volven 9034). */
    public static final String ROLE_TO_PATIENT = BASE + "kith-role-to-patient";
    /** On Patient, Practitioner, RelatedPerson, Person: Nationality (Volven 9044 / ISO 3166). */
    public static final String NATIONALITY = BASE + "kith-nationality";
    /** On Organization: TypeOrganisation (Volven 9040 and others). */
    public static final String TYPE_ORGANISATION = BASE + "kith-type-organisation";
    /** On Address: Address/Type (Volven 3401) and County/Country codes. */
    public static final String ADDRESS_TYPE = BASE + "kith-address-type";
    public static final String ADDRESS_COUNTY = BASE + "kith-address-county";
    public static final String ADDRESS_COUNTRY = BASE + "kith-address-country";
    public static final String ADDRESS_POSTBOX = BASE + "kith-address-postbox";
    public static final String ADDRESS_CITY_DISTRICT = BASE + "kith-address-city-district";
    /** On ContactPoint: TeleCom/TypeTelecom (Volven 9043). */
    public static final String TELECOM_TYPE = BASE + "kith-telecom-type";
    /** On MessageHeader: content of the source document that no mapping covers (never silently dropped). */
    public static final String UNMAPPED = BASE + "kith-unmapped";
    /** On MessageHeader.response: AppRec OriginalMsgId/MsgType and IssueDate. */
    public static final String ORIGINAL_MESSAGE = BASE + "apprec-original-message";
    /** On MessageHeader: AppRec SoftwareName and SoftwareVersion. */
    public static final String SOFTWARE = BASE + "apprec-software";
    /** On MessageHeader.source / destination: AppRec Sender/Receiver Role. */
    public static final String APPREC_ROLE = BASE + "apprec-role";
    /** On Organization / PractitionerRole: AppRec HCP/MedSpeciality. */
    public static final String MED_SPECIALITY = BASE + "kith-med-speciality";
    /** On Identifier: the identifier came from an AppRec AdditionalId element. */
    public static final String ADDITIONAL_ID = BASE + "apprec-additional-id";
    /** On MessageHeader: the AppRec MIGversion text as received (e.g. {@code 1.0 2008-11-21}). */
    public static final String APPREC_MIG_VERSION = BASE + "apprec-mig-version";

    /** Adds a simple extension with a value; does nothing when the value is null or empty. */
    public static void add(IBaseHasExtensions on, String url, Type value) {
        if (value == null || value.isEmpty()) return;
        IBaseExtension<?, ?> e = on.addExtension();
        e.setUrl(url);
        e.setValue(value);
    }

    /** Adds a string extension; does nothing for null. */
    public static void addString(IBaseHasExtensions on, String url, String value) {
        if (value == null) return;
        add(on, url, new StringType(value));
    }

    /** The value of the first extension with this URL, or null. */
    public static Type value(IBaseHasExtensions on, String url) {
        if (on == null) return null;
        for (IBaseExtension<?, ?> e : on.getExtension()) {
            if (url.equals(e.getUrl())) return (Type) e.getValue();
        }
        return null;
    }

    /** The string value of the first extension with this URL, or null. */
    public static String string(IBaseHasExtensions on, String url) {
        Type v = value(on, url);
        return v == null ? null : v.primitiveValue();
    }

    /** The value of a sub-extension of a complex extension, or null. */
    public static Type sub(Extension complex, String url) {
        if (complex == null) return null;
        Extension e = complex.getExtensionByUrl(url);
        return e == null ? null : e.getValue();
    }

    /** The string value of a sub-extension, or null. */
    public static String subString(Extension complex, String url) {
        Type v = sub(complex, url);
        return v == null ? null : v.primitiveValue();
    }

    /** Adds a sub-extension to a complex extension; nothing when value is null or empty. */
    public static void addSub(Extension complex, String url, Type value) {
        if (value == null || value.isEmpty()) return;
        complex.addExtension(new Extension(url, value));
    }

    /** Adds a string sub-extension; nothing for null. */
    public static void addSubString(Extension complex, String url, String value) {
        if (value == null) return;
        complex.addExtension(new Extension(url, new StringType(value)));
    }
}
