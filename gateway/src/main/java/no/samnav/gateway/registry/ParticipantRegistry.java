package no.samnav.gateway.registry;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import no.samnav.mappers.KithStandard;
import no.samnav.mappers.core.MapperRegistry;

/**
 * The participants of the cooperation, loaded from a YAML cooperation file and looked up by id or
 * by any of their HER-ids. Immutable: a reload builds a new registry.
 */
public final class ParticipantRegistry {

    private final String name;
    private final Map<String, Participant> byId;
    private final Map<String, Participant> byHerId;

    private ParticipantRegistry(String name, List<Participant> participants) {
        this.name = name;
        this.byId = new LinkedHashMap<>();
        this.byHerId = new LinkedHashMap<>();
        for (Participant p : participants) {
            if (byId.putIfAbsent(p.id(), p) != null) {
                throw new InvalidCooperationException("participant id '" + p.id() + "' is used twice");
            }
            for (String her : p.herIds()) {
                Participant other = byHerId.putIfAbsent(her, p);
                if (other != null) {
                    throw new InvalidCooperationException("HER-id " + her + " is given to both '" + other.id()
                            + "' and '" + p.id() + "'");
                }
            }
        }
    }

    /** Reads and checks a cooperation file; folders are resolved against {@code dataDir}. */
    public static ParticipantRegistry load(InputStream yaml, Path dataDir) {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory())
                .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        CooperationFile file;
        try {
            file = mapper.readValue(yaml, CooperationFile.class);
        } catch (IOException e) {
            throw new InvalidCooperationException("the cooperation file cannot be read: " + e.getMessage(), e);
        }
        if (file == null || file.participants() == null || file.participants().isEmpty()) {
            throw new InvalidCooperationException("the cooperation file lists no participants");
        }
        List<Participant> participants = new ArrayList<>();
        for (CooperationFile.Entry e : file.participants()) participants.add(participant(e, dataDir));
        return new ParticipantRegistry(file.name() == null ? "cooperation" : file.name(), participants);
    }

    private static Participant participant(CooperationFile.Entry e, Path dataDir) {
        if (e.id() == null || !e.id().matches("[a-z0-9][a-z0-9-]{0,40}")) {
            throw new InvalidCooperationException("participant id '" + e.id()
                    + "' must be lower-case letters, digits and dashes (it names queues and folders)");
        }
        String where = "participant '" + e.id() + "': ";
        if (e.herIds() == null || e.herIds().isEmpty()) throw new InvalidCooperationException(where + "her-ids is empty");
        for (String her : e.herIds()) {
            if (her == null || !her.matches("\\d{1,9}")) {
                throw new InvalidCooperationException(where + "HER-id '" + her + "' must be 1 to 9 digits");
            }
        }
        SystemProfile profile = null;
        if (e.profile() != null) {
            try {
                profile = SystemProfile.valueOf(e.profile().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                throw new InvalidCooperationException(where + "unknown profile '" + e.profile()
                        + "' (presets: infodoc, systemx, cgm, hospital)");
            }
        }
        List<String> acceptIds = e.accepts() != null ? e.accepts() : profile != null ? profile.accepts() : List.of();
        if (acceptIds.isEmpty()) throw new InvalidCooperationException(where + "give a profile or accepts");
        List<KithStandard> accepts = new ArrayList<>();
        for (String id : acceptIds) {
            KithStandard s = KithStandard.forId(id).filter(MapperRegistry::canWrite).orElseThrow(() ->
                    new InvalidCooperationException(where + "cannot deliver '" + id + "'; writable versions: "
                            + writable()));
            accepts.add(s);
        }
        String channel = e.channel() == null ? "file" : e.channel().toLowerCase(Locale.ROOT);
        if (!channel.equals("file")) {
            throw new InvalidCooperationException(where + "channel '" + e.channel() + "' is not supported (file)");
        }
        Path outbox = dataDir.resolve(e.outbox() != null ? e.outbox() : "participants/" + e.id() + "/outbox");
        Path inbox = dataDir.resolve(e.inbox() != null ? e.inbox() : "participants/" + e.id() + "/inbox");
        return new Participant(e.id(), e.name() == null ? e.id() : e.name(), e.municipality(), List.copyOf(e.herIds()),
                profile, new Participant.Channel(Participant.ChannelType.FILE, outbox, inbox), List.copyOf(accepts));
    }

    private static String writable() {
        StringBuilder sb = new StringBuilder();
        for (KithStandard s : KithStandard.values()) {
            if (MapperRegistry.canWrite(s)) sb.append(sb.length() == 0 ? "" : ", ").append(s.id());
        }
        return sb.toString();
    }

    public String name() {
        return name;
    }

    public Collection<Participant> participants() {
        return byId.values();
    }

    public Optional<Participant> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Optional<Participant> byHerId(String herId) {
        return Optional.ofNullable(byHerId.get(herId));
    }

    /**
     * The participant addressed by a list of HER-ids, most specific first (person, sub-unit,
     * organisation): a message to a GP who has left the list still reaches the office.
     */
    public Optional<Participant> addressedBy(List<String> herIdsMostSpecificFirst) {
        for (String her : herIdsMostSpecificFirst) {
            Participant p = byHerId.get(her);
            if (p != null) return Optional.of(p);
        }
        return Optional.empty();
    }
}
