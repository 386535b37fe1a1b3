package no.samnav.mappers.kodeverk;

import java.util.Optional;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;

/** Kjønn, Volven 3101, with the FHIR administrative gender it corresponds to. */
public enum Sex implements Kodeverk {
    IKKE_KJENT("0", "Ikke kjent", AdministrativeGender.UNKNOWN),
    MANN("1", "Mann", AdministrativeGender.MALE),
    KVINNE("2", "Kvinne", AdministrativeGender.FEMALE),
    IKKE_SPESIFISERT("9", "Ikke spesifisert", AdministrativeGender.OTHER);

    private final String code;
    private final String displayName;
    private final AdministrativeGender gender;

    Sex(String code, String displayName, AdministrativeGender gender) {
        this.code = code;
        this.displayName = displayName;
        this.gender = gender;
    }

    @Override public String code() { return code; }
    @Override public String displayName() { return displayName; }
    @Override public String oid() { return KithCodeSystems.SEX; }

    public AdministrativeGender gender() {
        return gender;
    }

    public static Optional<Sex> fromCode(String code) {
        return Kodeverk.byCode(Sex.class, code);
    }

    public static Optional<Sex> fromGender(AdministrativeGender gender) {
        for (Sex s : values()) {
            if (s.gender == gender) return Optional.of(s);
        }
        return Optional.empty();
    }
}
