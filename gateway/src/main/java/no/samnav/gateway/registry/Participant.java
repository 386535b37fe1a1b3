package no.samnav.gateway.registry;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import no.samnav.mappers.KithStandard;

/**
 * A communication party of the cooperation: an office, service or hospital with its HER-ids, the
 * journal system it runs (a profile), the channel the gateway reaches it through and the standard
 * versions it reads.
 *
 * @param id           stable key used in queue names and folders, e.g. {@code oteren}
 * @param name         display name
 * @param municipality the municipality it belongs to (for a shared service: the employing one)
 * @param herIds       every HER-id that addresses it: organisation, sub-units, persons
 * @param profile      the journal system preset, or null when {@code accepts} is given in full
 * @param channel      how messages reach it
 * @param accepts      standard ids it reads, most preferred first within each standard
 * @param apiClients   OAuth2 client ids (HelseID {@code client_id}) that may send as this participant
 *                     over the FHIR API and read the status of its messages
 */
public record Participant(String id, String name, String municipality, List<String> herIds, SystemProfile profile,
        Channel channel, List<KithStandard> accepts, List<String> apiClients) {

    /**
     * How the gateway exchanges files or messages with a participant's journal system; folders only
     * for FILE; for FHIR the endpoint messages are pushed to and the environment variable holding
     * the bearer token for it (both optional).
     */
    public record Channel(ChannelType type, Path outbox, Path inbox, java.net.URI endpoint, String endpointTokenEnv) {

        public Channel(ChannelType type, Path outbox, Path inbox) {
            this(type, outbox, inbox, null, null);
        }
    }

    /** The transports a participant's journal system can use. */
    public enum ChannelType {
        /** Folders: the system writes to the outbox, the gateway delivers to the inbox. */
        FILE,
        /** Queues on the gateway's broker: the system sends to {@code samnav.in.<id>} and receives from {@code samnav.out.<id>}. */
        JMS,
        /**
         * FHIR messaging: the system sends with {@code $process-message} on the gateway's FHIR API and
         * receives FHIR message Bundles, pushed to {@code $process-message} on its endpoint, or, without
         * one, fetched from the gateway's FHIR API ({@code GET /fhir/Bundle}, then {@code $acknowledge}).
         */
        FHIR
    }

    /** Whether the gateway delivers FHIR Bundles to it rather than KITH XML. */
    public boolean readsFhir() {
        return channel.type() == ChannelType.FHIR;
    }

    /** A FHIR participant without an endpoint: its system fetches its messages from the gateway's FHIR API. */
    public boolean fetchesFhir() {
        return readsFhir() && channel.endpoint() == null;
    }

    /**
     * The version of {@code family} this participant reads, preferring {@code sourceVersion} when it
     * reads that one, or empty when it reads no version of the standard.
     */
    public Optional<KithStandard> versionFor(String family, KithStandard sourceVersion) {
        if (accepts.contains(sourceVersion)) return Optional.of(sourceVersion);
        return accepts.stream().filter(s -> s.family().equals(family)).findFirst();
    }

    /** The AppRec version this participant reads. */
    public KithStandard appRecVersion() {
        return accepts.stream().filter(s -> s.family().equals("apprec")).findFirst().orElse(KithStandard.APPREC_1_0);
    }

    /** The first HER-id (the organisation's), used as its address in receipts. */
    public String primaryHerId() {
        return herIds.get(0);
    }
}
