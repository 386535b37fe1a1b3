package no.samnav.gateway.registry;

/** The cooperation file is unreadable or inconsistent; the message says what to fix. */
public final class InvalidCooperationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidCooperationException(String message) {
        super(message);
    }

    public InvalidCooperationException(String message, Throwable cause) {
        super(message, cause);
    }
}
