package no.samnav.mappers.identifiers;

/**
 * Format checks for Norwegian identifiers: fødselsnummer and D-nummer (11 digits, two modulus-11
 * check digits), organisasjonsnummer (9 digits, modulus 11), HPR-nummer and HER-id (digits).
 * Synthetic test numbers (month + 40 or + 80, as issued by Skatteetaten and NHN for test data)
 * are accepted: they have valid check digits and are what every test environment uses.
 */
public final class NorwegianIds {

    private NorwegianIds() {
    }

    private static final int[] K1 = {3, 7, 6, 1, 8, 9, 4, 5, 2};
    private static final int[] K2 = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
    private static final int[] ORGNR = {3, 2, 7, 6, 5, 4, 3, 2};

    /** True for an 11-digit fødselsnummer or D-nummer whose check digits are correct. */
    public static boolean isValidPersonNumber(String value) {
        if (value == null || value.length() != 11 || !allDigits(value)) return false;
        int[] d = digits(value);
        int c1 = checkDigit(d, K1);
        if (c1 != d[9]) return false;
        int c2 = checkDigit(d, K2);
        return c2 == d[10];
    }

    /** True when the number is a D-nummer (first digit raised by 4). */
    public static boolean isDNumber(String value) {
        return value != null && !value.isEmpty() && value.charAt(0) >= '4' && value.charAt(0) <= '7';
    }

    /**
     * The date of birth a valid fødselsnummer or D-nummer carries: day (D-nummer: raised by 4),
     * month and year, the century from the individual number (Skatteetaten's ranges). Empty for a
     * number that is not valid or names no real date (synthetic numbers with a raised month, say).
     */
    public static java.util.Optional<java.time.LocalDate> birthDate(String value) {
        if (!isValidPersonNumber(value)) return java.util.Optional.empty();
        int day = Integer.parseInt(value.substring(0, 2));
        if (isDNumber(value)) day -= 40;
        int month = Integer.parseInt(value.substring(2, 4));
        int yy = Integer.parseInt(value.substring(4, 6));
        int individual = Integer.parseInt(value.substring(6, 9));
        int century;
        if (individual <= 499) century = 1900;
        else if (individual <= 749 && yy >= 54) century = 1800;
        else if (yy <= 39) century = 2000;
        else if (individual >= 900) century = 1900;
        else return java.util.Optional.empty();
        try {
            return java.util.Optional.of(java.time.LocalDate.of(century + yy, month, day));
        } catch (java.time.DateTimeException e) {
            return java.util.Optional.empty();
        }
    }

    /** True for a 9-digit organisasjonsnummer with a correct check digit. */
    public static boolean isValidOrganisationNumber(String value) {
        if (value == null || value.length() != 9 || !allDigits(value)) return false;
        int[] d = digits(value);
        int c = checkDigit(d, ORGNR);
        return c == d[8];
    }

    /** True for an HPR-nummer: 1 to 9 digits. */
    public static boolean isValidHprNumber(String value) {
        return value != null && !value.isEmpty() && value.length() <= 9 && allDigits(value);
    }

    /** True for a HER-id: 1 to 9 digits. */
    public static boolean isValidHerId(String value) {
        return value != null && !value.isEmpty() && value.length() <= 9 && allDigits(value);
    }

    /** Completes the first 9 digits of a person number with its two check digits, or null when no valid number exists. */
    public static String withCheckDigits(String nineDigits) {
        if (nineDigits.length() != 9 || !allDigits(nineDigits)) throw new IllegalArgumentException("need 9 digits");
        int[] d = new int[11];
        for (int i = 0; i < 9; i++) d[i] = nineDigits.charAt(i) - '0';
        int c1 = checkDigit(d, K1);
        if (c1 == 10) return null;
        d[9] = c1;
        int c2 = checkDigit(d, K2);
        if (c2 == 10) return null;
        return nineDigits + c1 + c2;
    }

    /** Completes the first 8 digits of an organisasjonsnummer with its check digit, or null. */
    public static String organisationNumberWithCheckDigit(String eightDigits) {
        int[] d = new int[9];
        for (int i = 0; i < 8; i++) d[i] = eightDigits.charAt(i) - '0';
        int c = checkDigit(d, ORGNR);
        return c == 10 ? null : eightDigits + c;
    }

    /** Weighted modulus 11; 10 means no valid digit exists. */
    private static int checkDigit(int[] d, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) sum += d[i] * weights[i];
        int c = 11 - (sum % 11);
        return c == 11 ? 0 : c;
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return false;
        }
        return true;
    }

    private static int[] digits(String s) {
        int[] d = new int[s.length()];
        for (int i = 0; i < s.length(); i++) d[i] = s.charAt(i) - '0';
        return d;
    }
}
