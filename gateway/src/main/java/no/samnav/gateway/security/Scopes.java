package no.samnav.gateway.security;

/** The OAuth2 scopes of the FHIR API and the operator API (documented in docs/fhir-api.md and docs/configuration.md). */
public final class Scopes {

    private Scopes() {
    }

    /** Send messages with {@code $process-message}. */
    public static final String MESSAGE_WRITE = "samnav/message.write";
    /** Read and search the status (Task) of one's own messages. */
    public static final String MESSAGE_READ = "samnav/message.read";
    /** Validate resources with {@code $validate}. */
    public static final String VALIDATE = "samnav/validate";
    /** Search and read the shared journal (ITI-67, ITI-68) and declare emergency access. */
    public static final String JOURNAL_READ = "samnav/journal.read";
    /** Publish to the shared journal (ITI-65), record patients' objections and care episodes. */
    public static final String JOURNAL_WRITE = "samnav/journal.write";
    /** Read the shared journal's audit trail: the patient access log. */
    public static final String AUDIT_READ = "samnav/audit.read";

    /** Use the operator API ({@code /api/**}) when {@code samnav.security.operator-api-requires-token} is on. */
    public static final String OPERATOR = "samnav/operator";
}
