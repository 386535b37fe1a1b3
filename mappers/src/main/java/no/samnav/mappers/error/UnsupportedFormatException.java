package no.samnav.mappers.error;

import no.samnav.mappers.kodeverk.AppRecErrorCode;

/** The root element, namespace or version is not one of the supported standards. */
public final class UnsupportedFormatException extends MappingException {

    private static final long serialVersionUID = 1L;

    public UnsupportedFormatException(Location location, String problem) {
        this(location, problem, null);
    }

    public UnsupportedFormatException(Location location, String problem, Throwable cause) {
        super(AppRecErrorCode.T10, location, problem, cause);
    }
}
