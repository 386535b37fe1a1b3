package no.samnav.mappers.kodeverk;

import java.util.Optional;
import org.hl7.fhir.r4.model.MessageHeader.ResponseType;

/** Status for receipt of a message, Volven 8258 (HIS 80415 §6.2). */
public enum AppRecStatus implements Kodeverk {
    OK("1", "OK", ResponseType.OK),
    AVVIST("2", "Avvist", ResponseType.FATALERROR),
    OK_FEIL_I_DELMELDING("3", "OK, feil i delmelding", ResponseType.TRANSIENTERROR);

    public static final String OID = "2.16.578.1.12.4.1.1.8258";

    private final String code;
    private final String displayName;
    private final ResponseType fhirResponse;

    AppRecStatus(String code, String displayName, ResponseType fhirResponse) {
        this.code = code;
        this.displayName = displayName;
        this.fhirResponse = fhirResponse;
    }

    @Override public String code() { return code; }
    @Override public String displayName() { return displayName; }
    @Override public String oid() { return OID; }

    /** The nearest FHIR MessageHeader.response.code; the exact status travels as a coding too. */
    public ResponseType fhirResponse() { return fhirResponse; }

    public static Optional<AppRecStatus> fromCode(String code) {
        return Kodeverk.byCode(AppRecStatus.class, code);
    }
}
