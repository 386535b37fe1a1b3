package no.samnav.mappers.pregnancy;

/**
 * Something wrong with an entered check, shown next to the field of the web form.
 *
 * @param field   the record component the problem is about, e.g. {@code systolic}
 * @param message what to tell the user (bokmål)
 */
public record CheckProblem(String field, String message) {
}
