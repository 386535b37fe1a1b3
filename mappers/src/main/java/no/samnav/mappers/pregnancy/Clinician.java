package no.samnav.mappers.pregnancy;

/**
 * Who saw the woman at a check, shown on the card; coded as the SNOMED CT occupation in the
 * Encounter participant's type.
 */
public enum Clinician implements CodedValue {
    MIDWIFE("309453006", "Registered midwife", "Jordmor"),
    GP("62247001", "General practitioner", "Lege");

    private final String code;
    private final String display;
    private final String text;

    Clinician(String code, String display, String text) {
        this.code = code;
        this.display = display;
        this.text = text;
    }

    @Override public String code() { return code; }
    @Override public String display() { return display; }
    @Override public String text() { return text; }
}
