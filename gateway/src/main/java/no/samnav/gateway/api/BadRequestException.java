package no.samnav.gateway.api;

/** A request parameter the API cannot use (answered with 400); the message never repeats the value. */
public class BadRequestException extends RuntimeException {

    public BadRequestException(String message) {
        super(message);
    }
}
