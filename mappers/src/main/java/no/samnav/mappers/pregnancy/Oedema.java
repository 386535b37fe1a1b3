package no.samnav.mappers.pregnancy;

/**
 * Ødem as graded on the card (none, +, ++, +++): the value of the SNOMED CT 267038008 Edema
 * Observation, coded with the same qualifier values as the test strip grades.
 */
public enum Oedema implements CodedValue {
    NONE("2667000", "Absent", "Ingen"),
    SLIGHT("260347006", "+", "+"),
    MODERATE("260348001", "++", "++"),
    MARKED("260349009", "+++", "+++");

    private final String code;
    private final String display;
    private final String text;

    Oedema(String code, String display, String text) {
        this.code = code;
        this.display = display;
        this.text = text;
    }

    @Override public String code() { return code; }
    @Override public String display() { return display; }
    @Override public String text() { return text; }
}
