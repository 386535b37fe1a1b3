package no.samnav.mappers.error;

import java.util.Objects;
import no.samnav.mappers.kodeverk.AppRecErrorCode;

/**
 * Root of the typed errors raised by the mappers. Each carries the AppRec error code (Volven 8221)
 * a receiver would answer with and the {@link Location} of the problem. Messages are written for the
 * integrator who has to fix the message and never contain patient identifiers or names.
 */
public abstract sealed class MappingException extends RuntimeException
        permits MalformedXmlException, ForbiddenXmlConstructException, PayloadTooLargeException,
                EncodingException, UnsupportedFormatException, MissingElementException,
                InvalidValueException, UnsupportedContentException {

    private static final long serialVersionUID = 1L;

    private final AppRecErrorCode appRecCode;
    private final Location location;
    private final String problem;

    protected MappingException(AppRecErrorCode appRecCode, Location location, String problem, Throwable cause) {
        super(problem + " (" + Objects.requireNonNull(location) + ")", cause);
        this.appRecCode = appRecCode;
        this.location = location;
        this.problem = problem;
    }

    /** The AppRec error code (Volven 8221) that answers this problem. */
    public AppRecErrorCode appRecCode() {
        return appRecCode;
    }

    public Location location() {
        return location;
    }

    /** The problem without its location, for a receipt's free text. */
    public String problem() {
        return problem;
    }
}
