package no.samnav.mappers.notice;

import no.samnav.mappers.identifiers.NorwegianIds;

/**
 * Checks of the builder's input. Messages name the field and what it must be, never its value:
 * a value may be patient data, and these exceptions end up in logs.
 */
final class Inputs {

    private Inputs() {
    }

    /** A required text: not null, not blank, only characters XML 1.0 can carry. */
    static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return xmlText(field, value);
    }

    /** An optional text: null stays null; blank counts as absent so that no empty element is written. */
    static String optional(String field, String value) {
        return value == null || value.isBlank() ? null : xmlText(field, value);
    }

    /** A required object. */
    static <T> T present(String field, T value) {
        if (value == null) throw new IllegalArgumentException(field + " is required");
        return value;
    }

    static String herId(String field, String value) {
        String v = required(field, value).strip();
        if (!NorwegianIds.isValidHerId(v)) throw new IllegalArgumentException(field + " must be a HER-id of 1 to 9 digits");
        return v;
    }

    static String hprNumber(String field, String value) {
        String v = required(field, value).strip();
        if (!NorwegianIds.isValidHprNumber(v)) throw new IllegalArgumentException(field + " must be an HPR-nummer of 1 to 9 digits");
        return v;
    }

    /**
     * Rejects characters XML 1.0 forbids (most C0 controls, lone surrogates, U+FFFE/U+FFFF): the
     * writer would otherwise produce a message no receiver can parse, long after the caller is gone.
     */
    private static String xmlText(String field, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(c)) {
                ok = i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1));
                i++;
            } else {
                ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            }
            if (!ok) {
                throw new IllegalArgumentException(field + " contains a character XML cannot carry (at index " + i + ")");
            }
        }
        return value;
    }
}
