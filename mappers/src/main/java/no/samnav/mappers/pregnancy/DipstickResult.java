package no.samnav.mappers.pregnancy;

/**
 * Urine test strip reading, in order of strength (the GP thresholds compare by this order), with the
 * SNOMED CT qualifier values used for semi-quantitative results.
 */
public enum DipstickResult implements CodedValue {
    NEGATIVE("260385009", "Negative", "Negativ"),
    TRACE("260405006", "Trace", "Spor"),
    ONE_PLUS("260347006", "+", "+"),
    TWO_PLUS("260348001", "++", "++"),
    THREE_PLUS("260349009", "+++", "+++"),
    FOUR_PLUS("260350009", "++++", "++++");

    private final String code;
    private final String display;
    private final String text;

    DipstickResult(String code, String display, String text) {
        this.code = code;
        this.display = display;
        this.text = text;
    }

    @Override public String code() { return code; }
    @Override public String display() { return display; }
    @Override public String text() { return text; }

    /** True when this reading is at least as strong as the other. */
    public boolean atLeast(DipstickResult other) {
        return compareTo(other) >= 0;
    }
}
