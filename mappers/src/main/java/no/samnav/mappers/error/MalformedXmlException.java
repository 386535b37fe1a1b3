package no.samnav.mappers.error;

import no.samnav.mappers.kodeverk.AppRecErrorCode;

/** The input is not well-formed XML. */
public final class MalformedXmlException extends MappingException {

    private static final long serialVersionUID = 1L;

    public MalformedXmlException(Location location, String problem) {
        this(location, problem, null);
    }

    public MalformedXmlException(Location location, String problem, Throwable cause) {
        super(AppRecErrorCode.T01, location, problem, cause);
    }
}
