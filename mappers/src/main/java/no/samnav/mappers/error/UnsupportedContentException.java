package no.samnav.mappers.error;

import no.samnav.mappers.kodeverk.AppRecErrorCode;

/** The content is valid XML of a supported standard but uses a combination the mapper cannot read. */
public final class UnsupportedContentException extends MappingException {

    private static final long serialVersionUID = 1L;

    public UnsupportedContentException(Location location, String problem) {
        this(location, problem, null);
    }

    public UnsupportedContentException(Location location, String problem, Throwable cause) {
        super(AppRecErrorCode.T02, location, problem, cause);
    }
}
