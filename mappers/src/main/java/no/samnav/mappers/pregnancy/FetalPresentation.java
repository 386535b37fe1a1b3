package no.samnav.mappers.pregnancy;

/** Fosterleie as noted at a check, with SNOMED CT findings (70028003 is "Vertex presentation", the cephalic lie). */
public enum FetalPresentation implements CodedValue {
    CEPHALIC("70028003", "Vertex presentation", "Hodeleie"),
    BREECH("6096002", "Breech presentation", "Seteleie"),
    TRANSVERSE("73161006", "Transverse lie", "Tverrleie"),
    /** Not determinable yet (early weeks) or not examined: SNOMED CT 261665006 Unknown. */
    NOT_DETERMINED("261665006", "Unknown", "Ikke bestemt");

    private final String code;
    private final String display;
    private final String text;

    FetalPresentation(String code, String display, String text) {
        this.code = code;
        this.display = display;
        this.text = text;
    }

    @Override public String code() { return code; }
    @Override public String display() { return display; }
    @Override public String text() { return text; }
}
