package no.samnav.gateway.operator;

/** The operator's request does not fit the message's state (answered with 409). */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
