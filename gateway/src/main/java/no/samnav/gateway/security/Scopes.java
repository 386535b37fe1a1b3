package no.samnav.gateway.security;

/** The OAuth2 scopes of the FHIR API (documented in docs/fhir-api.md). */
public final class Scopes {

    private Scopes() {
    }

    /** Send messages with {@code $process-message}. */
    public static final String MESSAGE_WRITE = "samnav/message.write";
    /** Read and search the status (Task) of one's own messages. */
    public static final String MESSAGE_READ = "samnav/message.read";
    /** Validate resources with {@code $validate}. */
    public static final String VALIDATE = "samnav/validate";
}
