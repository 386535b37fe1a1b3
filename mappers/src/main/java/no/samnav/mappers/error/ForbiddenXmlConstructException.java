package no.samnav.mappers.error;

import no.samnav.mappers.kodeverk.AppRecErrorCode;

/** The input uses an XML construct that is never accepted (DOCTYPE, entity declaration or reference, external resource). */
public final class ForbiddenXmlConstructException extends MappingException {

    private static final long serialVersionUID = 1L;

    public ForbiddenXmlConstructException(Location location, String problem) {
        this(location, problem, null);
    }

    public ForbiddenXmlConstructException(Location location, String problem, Throwable cause) {
        super(AppRecErrorCode.T01, location, problem, cause);
    }
}
