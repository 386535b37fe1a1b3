package no.samnav.gateway.console;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.samnav.mappers.identifiers.NorwegianIds;

/**
 * The console shows a patient's number masked (birth date only, {@code 120592*****}) until the
 * operator asks to see it: an operator needs to tell messages apart, rarely the person.
 */
final class PatientMasking {

    private static final Pattern ELEVEN_DIGITS = Pattern.compile("(?<!\\d)\\d{11}(?!\\d)");

    private PatientMasking() {
    }

    static String mask(String number) {
        return number.length() < 6 ? "*****" : number.substring(0, 6) + "*".repeat(number.length() - 6);
    }

    /** Every valid fødselsnummer, D-number or hjelpenummer in a text, masked; other numbers stay. */
    static String maskAll(String text) {
        Matcher m = ELEVEN_DIGITS.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String number = m.group();
            m.appendReplacement(out, NorwegianIds.isValidPersonNumber(number) ? mask(number) : number);
        }
        m.appendTail(out);
        return out.toString();
    }
}
