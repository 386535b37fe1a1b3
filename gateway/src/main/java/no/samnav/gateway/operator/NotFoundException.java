package no.samnav.gateway.operator;

/** What an operator asked for does not exist (answered with 404). The message never holds patient data. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
