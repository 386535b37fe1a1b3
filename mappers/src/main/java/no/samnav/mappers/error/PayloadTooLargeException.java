package no.samnav.mappers.error;

import no.samnav.mappers.kodeverk.AppRecErrorCode;

/** The payload is larger than the configured limit. */
public final class PayloadTooLargeException extends MappingException {

    private static final long serialVersionUID = 1L;

    public PayloadTooLargeException(Location location, String problem) {
        this(location, problem, null);
    }

    public PayloadTooLargeException(Location location, String problem, Throwable cause) {
        super(AppRecErrorCode.T99, location, problem, cause);
    }
}
