package no.samnav.mappers.kodeverk;

import java.util.Optional;
import no.samnav.mappers.fhir.Systems;

/**
 * Identifier types of KITH {@code Ident/TypeId}: Volven 8116 (persons) and 9051 (organisations),
 * each with the FHIR identifier system it maps to. Types without a national FHIR system map to a
 * project system so that the value is never lost.
 */
public enum IdentifierType implements Kodeverk {
    FNR("FNR", "Fødselsnummer", IdentifierType.PERSON, Systems.FNR),
    DNR("DNR", "D-nummer", IdentifierType.PERSON, Systems.DNR),
    HNR("HNR", "H-nummer", IdentifierType.PERSON, "urn:oid:2.16.578.1.12.4.1.4.3.1"),
    FHN("FHN", "Felles hjelpenummer", IdentifierType.PERSON, Systems.FHN),
    HPR("HPR", "HPR-nummer", IdentifierType.PERSON, Systems.HPR),
    HER_PERSON("HER", "HER-id", IdentifierType.PERSON, Systems.HER),
    PNR("PNR", "Passnummer", IdentifierType.PERSON, "http://samnav.no/fhir/NamingSystem/passnummer"),
    DUF("DUF", "DUF-nummer", IdentifierType.PERSON, "urn:oid:2.16.578.1.12.4.1.4.5"),
    XXX("XXX", "Annet", IdentifierType.PERSON, "http://samnav.no/fhir/NamingSystem/annet"),
    HER("HER", "HER-id", IdentifierType.ORGANISATION, Systems.HER),
    ENH("ENH", "Organisasjonsnummeret i Enhetsregisteret", IdentifierType.ORGANISATION, Systems.ENH),
    RSH("RSH", "RESH-id", IdentifierType.ORGANISATION, Systems.RESH),
    LOK("LOK", "Lokal identifikator for institusjoner", IdentifierType.ORGANISATION,
            "http://samnav.no/fhir/NamingSystem/lokal-id"),
    NPR("NPR", "Organisasjonsnummer i NPR", IdentifierType.ORGANISATION,
            "http://samnav.no/fhir/NamingSystem/npr-id");

    /** Volven 8116, identifier types for persons. */
    public static final String PERSON = "2.16.578.1.12.4.1.1.8116";
    /** Volven 9051, identifier types for organisations. */
    public static final String ORGANISATION = "2.16.578.1.12.4.1.1.9051";

    /** values() copies its array at every call, and every identifier of every message is looked up here. */
    private static final IdentifierType[] ALL = values();

    private final String code;
    private final String displayName;
    private final String oid;
    private final String fhirSystem;

    IdentifierType(String code, String displayName, String oid, String fhirSystem) {
        this.code = code;
        this.displayName = displayName;
        this.oid = oid;
        this.fhirSystem = fhirSystem;
    }

    @Override public String code() { return code; }
    @Override public String displayName() { return displayName; }
    @Override public String oid() { return oid; }

    /** The FHIR Identifier.system for values of this type. */
    public String fhirSystem() {
        return fhirSystem;
    }

    /**
     * The type for a TypeId code; the code system OID (8116 or 9051) decides between a person's and
     * an organisation's HER-id when both are possible, and persons win when no OID is given.
     */
    public static Optional<IdentifierType> of(String code, String oid) {
        if (code == null) return Optional.empty();
        IdentifierType fallback = null;
        for (IdentifierType t : ALL) {
            if (!t.code.equals(code)) continue;
            if (oid != null && t.oid.equals(oid)) return Optional.of(t);
            if (fallback == null) fallback = t;
        }
        return Optional.ofNullable(fallback);
    }

    /** The type whose FHIR system this is, for identifiers that arrive over FHIR without a type. */
    public static Optional<IdentifierType> ofSystem(String system, boolean organisation) {
        for (IdentifierType t : ALL) {
            if (t.fhirSystem.equals(system) && (t.oid.equals(ORGANISATION) == organisation)) return Optional.of(t);
        }
        for (IdentifierType t : ALL) {
            if (t.fhirSystem.equals(system)) return Optional.of(t);
        }
        return Optional.empty();
    }
}
