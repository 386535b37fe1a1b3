package no.samnav.mappers.kodeverk;

import java.util.Optional;

/**
 * Volven 8244 "Avviksmarkør i svarrapportering av medisinske tjenester" (ResultItem/DevResultInd)
 * with the matching HL7 v3 ObservationInterpretation code (H, L, A).
 */
public enum DeviationIndicator implements Kodeverk {
    OVER("1", "Over øvre referansegrense", "H", "High"),
    UNDER("2", "Under nedre referansegrense", "L", "Low"),
    UTENFOR("3", "Utenfor referansegrensene", "A", "Abnormal");

    public static final String OID = "2.16.578.1.12.4.1.1.8244";
    /** The FHIR R4 interpretation code system. */
    public static final String V3_INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";

    private final String code;
    private final String displayName;
    private final String v3Code;
    private final String v3Display;

    DeviationIndicator(String code, String displayName, String v3Code, String v3Display) {
        this.code = code;
        this.displayName = displayName;
        this.v3Code = v3Code;
        this.v3Display = v3Display;
    }

    @Override public String code() { return code; }
    @Override public String displayName() { return displayName; }
    @Override public String oid() { return OID; }

    public String v3Code() { return v3Code; }
    public String v3Display() { return v3Display; }

    public static Optional<DeviationIndicator> fromCode(String code) {
        return Kodeverk.byCode(DeviationIndicator.class, code);
    }

    public static Optional<DeviationIndicator> fromV3(String v3) {
        for (DeviationIndicator d : values()) if (d.v3Code.equals(v3)) return Optional.of(d);
        return Optional.empty();
    }
}
