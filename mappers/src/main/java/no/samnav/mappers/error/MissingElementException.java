package no.samnav.mappers.error;

import no.samnav.mappers.kodeverk.AppRecErrorCode;

/** A mandatory element or attribute is missing; the location is that of its parent element. */
public final class MissingElementException extends MappingException {

    private static final long serialVersionUID = 1L;

    public MissingElementException(Location location, String problem) {
        this(AppRecErrorCode.T02, location, problem);
    }

    public MissingElementException(AppRecErrorCode code, Location location, String problem) {
        super(code, location, problem, null);
    }
}
