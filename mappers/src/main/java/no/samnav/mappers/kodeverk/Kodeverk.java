package no.samnav.mappers.kodeverk;

import java.util.Optional;

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

    /**
     * The member of a code-list enum with this code ({@code V}), if any: the lookup behind each
     * enum's {@code fromCode}.
     */
    static <E extends Enum<E> & Kodeverk> Optional<E> byCode(Class<E> codeList, String code) {
        for (E member : codeList.getEnumConstants()) {
            if (member.code().equals(code)) return Optional.of(member);
        }
        return Optional.empty();
    }
}
