package no.samnav.mappers.error;

import no.samnav.mappers.kodeverk.AppRecErrorCode;

/** The bytes do not match the declared character encoding, or the encoding is not supported. */
public final class EncodingException extends MappingException {

    private static final long serialVersionUID = 1L;

    public EncodingException(Location location, String problem) {
        this(location, problem, null);
    }

    public EncodingException(Location location, String problem, Throwable cause) {
        super(AppRecErrorCode.T01, location, problem, cause);
    }
}
