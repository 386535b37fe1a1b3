package no.samnav.mappers.error;

import no.samnav.mappers.kodeverk.AppRecErrorCode;

/**
 * A value has the wrong format or fails its check (identifier check digits, dates, codes, message
 * ids). Carries the most specific AppRec code, e.g. E31 for a patient FNR with wrong check digits.
 */
public final class InvalidValueException extends MappingException {

    private static final long serialVersionUID = 1L;

    public InvalidValueException(Location location, String problem) {
        this(AppRecErrorCode.T02, location, problem, null);
    }

    public InvalidValueException(AppRecErrorCode code, Location location, String problem) {
        this(code, location, problem, null);
    }

    public InvalidValueException(AppRecErrorCode code, Location location, String problem, Throwable cause) {
        super(code, location, problem, cause);
    }
}
