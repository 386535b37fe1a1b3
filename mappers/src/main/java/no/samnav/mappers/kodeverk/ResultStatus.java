package no.samnav.mappers.kodeverk;

import java.util.Optional;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;

/** Volven 8245 "Status for resultat i svarrapportering av medisinske tjenester" and its Observation status. */
public enum ResultStatus implements Kodeverk {
    REVIDERT("1", "Revidert", ObservationStatus.CORRECTED),
    FORELOPIG("2", "Foreløpig", ObservationStatus.PRELIMINARY),
    ENDELIG("3", "Endelig", ObservationStatus.FINAL),
    TILLEGG("4", "Tillegg", ObservationStatus.AMENDED),
    HENVISNING_REGISTRERT("5", "Henvisning registrert", ObservationStatus.REGISTERED),
    PROSEDYRER_REGISTRERT("6", "Prosedyrer registrert/planlagt", ObservationStatus.REGISTERED),
    TILDELT_TIME("7", "Tildelt time", ObservationStatus.REGISTERED),
    GJENNOMFORT("8", "Undersøkelse gjennomført", ObservationStatus.PRELIMINARY),
    DIKTERT("9", "Diktert", ObservationStatus.PRELIMINARY),
    SKREVET("10", "Skrevet (usignert svar foreligger)", ObservationStatus.PRELIMINARY),
    SIGNERT("11", "Signert", ObservationStatus.FINAL),
    KORRIGERT_USIGNERT("12", "Korrigert (usignert tilleggsbeskrivelse foreligger)", ObservationStatus.PRELIMINARY),
    SIGNERT_KORRIGERT("13", "Signert korrigert/tilleggsbeskrivelse foreligger", ObservationStatus.CORRECTED),
    SLETTET("14", "Undersøkelse slettet", ObservationStatus.CANCELLED),
    I_PROSESS("15", "I prosess", ObservationStatus.PRELIMINARY);

    public static final String OID = "2.16.578.1.12.4.1.1.8245";

    private final String code;
    private final String displayName;
    private final ObservationStatus fhirStatus;

    ResultStatus(String code, String displayName, ObservationStatus fhirStatus) {
        this.code = code;
        this.displayName = displayName;
        this.fhirStatus = fhirStatus;
    }

    @Override public String code() { return code; }
    @Override public String displayName() { return displayName; }
    @Override public String oid() { return OID; }

    public ObservationStatus fhirStatus() { return fhirStatus; }

    public static Optional<ResultStatus> fromCode(String code) {
        return Kodeverk.byCode(ResultStatus.class, code);
    }

    /** The KITH status for a FHIR Observation status. */
    public static ResultStatus fromFhir(ObservationStatus status) {
        if (status == null) return ENDELIG;
        return switch (status) {
            case REGISTERED -> HENVISNING_REGISTRERT;
            case PRELIMINARY -> FORELOPIG;
            case CORRECTED -> REVIDERT;
            case AMENDED -> TILLEGG;
            case CANCELLED, ENTEREDINERROR -> SLETTET;
            default -> ENDELIG;
        };
    }
}
