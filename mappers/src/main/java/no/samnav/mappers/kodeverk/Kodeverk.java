package no.samnav.mappers.kodeverk;

/**
 * A code from a Norwegian national code system (Volven "kodeverk"), identified by its OID.
 * Implemented by the code-list enums of this package.
 */
public interface Kodeverk {

    /** The code value, as written in the {@code V} attribute. */
    String code();

    /** The display name, as written in the {@code DN} attribute. */
    String displayName();

    /** The OID of the code system, without the {@code urn:oid:} prefix. */
    String oid();

    /** The FHIR system URI of the code system. */
    default String system() {
        return "urn:oid:" + oid();
    }
}
