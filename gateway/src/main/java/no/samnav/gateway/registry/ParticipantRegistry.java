package no.samnav.gateway.registry;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import no.samnav.mappers.KithStandard;
import no.samnav.mappers.core.MapperRegistry;
import no.samnav.mappers.identifiers.NorwegianIds;

/**
 * The participants of the cooperation, its services and its GP list, loaded from a YAML
 * cooperation file; participants are looked up by id or by any of their HER-ids, and the receiver
 * of a message is resolved by {@link #resolve}. Immutable: a reload builds a new registry.
 */
public final class ParticipantRegistry {

    private final String name;
    private final Map<String, Participant> byId;
    private final Map<String, Participant> byHerId;
    private final Map<String, Service> services;
    private final Map<String, Service> serviceByHerId;
    private final GpList gpList;
    private final SharedJournalMembership journal;

    private ParticipantRegistry(String name, List<Participant> participants, List<Service> services, GpList gpList,
            SharedJournalMembership journal) {
        this.name = name;
        this.journal = journal;
        this.byId = new LinkedHashMap<>();
        this.byHerId = new LinkedHashMap<>();
        this.services = new LinkedHashMap<>();
        this.serviceByHerId = new LinkedHashMap<>();
        this.gpList = gpList;
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
        for (Service s : services) {
            String where = "service '" + s.id() + "': ";
            if (this.services.putIfAbsent(s.id(), s) != null) {
                throw new InvalidCooperationException("service id '" + s.id() + "' is used twice");
            }
            for (String office : s.offices()) {
                if (!byId.containsKey(office)) {
                    throw new InvalidCooperationException(where + "office '" + office + "' is no participant");
                }
            }
            for (String her : s.herIds()) {
                if (byHerId.containsKey(her) || serviceByHerId.putIfAbsent(her, s) != null) {
                    throw new InvalidCooperationException(where + "HER-id " + her + " is also given to "
                            + (byHerId.containsKey(her) ? "participant '" + byHerId.get(her).id() + "'"
                            : "service '" + serviceByHerId.get(her).id() + "'"));
                }
            }
        }
        for (String her : gpList.addressHerIds()) {
            if (byHerId.containsKey(her) || serviceByHerId.containsKey(her)) {
                throw new InvalidCooperationException("gp-list: address HER-id " + her
                        + " is also a participant's or a service's HER-id");
            }
        }
        for (String gp : gpList.gpHerIds()) {
            if (serviceByHerId.containsKey(gp) || gpList.addressHerIds().contains(gp)) {
                throw new InvalidCooperationException("gp-list: GP " + gp + " is also a service's HER-id or the"
                        + " GP-list address");
            }
        }
    }

    /** Reads and checks a cooperation file; folders and a separate GP-list file are resolved against {@code dataDir}. */
    public static ParticipantRegistry load(InputStream yaml, Path dataDir) {
        return load(yaml, dataDir, dataDir);
    }

    /**
     * Reads and checks a cooperation file; folders are resolved against {@code dataDir}, a separate
     * GP-list file against {@code fileDir} (the cooperation file's folder).
     */
    public static ParticipantRegistry load(InputStream yaml, Path dataDir, Path fileDir) {
        ObjectMapper mapper = yamlMapper();
        CooperationFile file;
        try {
            file = mapper.readValue(yaml, CooperationFile.class);
        } catch (IOException e) {
            // a parse error may quote a value: never let a patient id through
            throw new InvalidCooperationException("the cooperation file cannot be read: "
                    + String.valueOf(e.getMessage()).replaceAll("\\b\\d{11}\\b", "(11 digits)"), null);
        }
        if (file == null || file.participants() == null || file.participants().isEmpty()) {
            throw new InvalidCooperationException("the cooperation file lists no participants");
        }
        List<Participant> participants = new ArrayList<>();
        for (CooperationFile.Entry e : file.participants()) participants.add(participant(e, dataDir));
        List<Service> services = new ArrayList<>();
        if (file.services() != null) for (CooperationFile.ServiceEntry e : file.services()) services.add(service(e));
        GpList gpList = file.gpList() == null ? GpList.EMPTY : gpList(file.gpList(), fileDir, participants);
        SharedJournalMembership journal = file.sharedJournal() == null ? SharedJournalMembership.NONE
                : sharedJournal(file.sharedJournal(), participants);
        return new ParticipantRegistry(file.name() == null ? "cooperation" : file.name(), participants, services, gpList,
                journal);
    }

    private static SharedJournalMembership sharedJournal(CooperationFile.SharedJournalEntry e, List<Participant> participants) {
        Set<String> known = new HashSet<>();
        for (Participant p : participants) known.add(p.id());
        Set<String> members = new LinkedHashSet<>();
        for (String member : e.members() == null ? List.<String>of() : e.members()) {
            if (!known.contains(member)) {
                throw new InvalidCooperationException("shared-journal: member '" + member + "' is no participant");
            }
            members.add(member);
        }
        Map<String, DutyHours> duty = new LinkedHashMap<>();
        for (CooperationFile.OnDutyEntry d : e.onDuty() == null ? List.<CooperationFile.OnDutyEntry>of() : e.onDuty()) {
            String where = "shared-journal: on-duty '" + d.participant() + "': ";
            if (!members.contains(d.participant())) throw new InvalidCooperationException(where + "is no member");
            if (duty.put(d.participant(), DutyHours.parse(where, d.weekdays(), d.weekends())) != null) {
                throw new InvalidCooperationException(where + "is given twice");
            }
        }
        return new SharedJournalMembership(Set.copyOf(members), Map.copyOf(duty));
    }

    private static ObjectMapper yamlMapper() {
        return new ObjectMapper(new YAMLFactory())
                .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // a key given twice is a mistake to point out, not a value to drop silently
                .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    private static void checkHerIds(String where, List<String> herIds) {
        if (herIds == null || herIds.isEmpty()) throw new InvalidCooperationException(where + "her-ids is empty");
        for (String her : herIds) {
            if (her == null || !her.matches("\\d{1,9}")) {
                throw new InvalidCooperationException(where + "HER-id '" + her + "' must be 1 to 9 digits");
            }
        }
    }

    private static Service service(CooperationFile.ServiceEntry e) {
        if (e.id() == null || !e.id().matches("[a-z0-9][a-z0-9-]{0,40}")) {
            throw new InvalidCooperationException("service id '" + e.id() + "' must be lower-case letters, digits and dashes");
        }
        String where = "service '" + e.id() + "': ";
        checkHerIds(where, e.herIds());
        if (e.provider() == null || e.provider().isBlank()) {
            throw new InvalidCooperationException(where + "give the provider municipality");
        }
        if (e.currentOffice() == null) throw new InvalidCooperationException(where + "give its current-office");
        List<String> offices = new ArrayList<>(e.offices() == null ? List.of() : e.offices());
        if (!offices.isEmpty() && !offices.contains(e.currentOffice())) {
            throw new InvalidCooperationException(where + "current-office '" + e.currentOffice()
                    + "' is not one of its offices " + offices);
        }
        if (offices.isEmpty()) offices.add(e.currentOffice());
        List<String> serves = e.serves() == null || e.serves().isEmpty() ? List.of(e.provider()) : List.copyOf(e.serves());
        List<Service.Site> sites = new ArrayList<>();
        if (e.sites() != null) for (CooperationFile.SiteEntry s : e.sites()) {
            if (!offices.contains(s.office())) {
                throw new InvalidCooperationException(where + "site of '" + s.office() + "', which is not one of its offices "
                        + offices);
            }
            if (s.municipality() == null || s.municipality().isBlank()) {
                throw new InvalidCooperationException(where + "give the municipality of the site of '" + s.office() + "'");
            }
            sites.add(new Service.Site(s.office(), s.name() == null ? s.office() : s.name(), s.municipality()));
        }
        List<Service.StaffMember> staff = new ArrayList<>();
        if (e.staff() != null) for (CooperationFile.StaffEntry m : e.staff()) {
            if (m.hpr() == null || !m.hpr().matches("\\d{1,9}")) {
                throw new InvalidCooperationException(where + "staff HPR number '" + m.hpr() + "' must be 1 to 9 digits");
            }
            Service.Role role = Service.Role.of(m.role() == null ? "jordmor" : m.role());
            if (role == null) {
                throw new InvalidCooperationException(where + "staff role '" + m.role() + "' is jordmor or lege");
            }
            staff.add(new Service.StaffMember(m.hpr(), m.name() == null ? m.hpr() : m.name(), role));
        }
        return new Service(e.id(), e.name() == null ? e.id() : e.name(), e.provider(), serves, List.copyOf(e.herIds()),
                List.copyOf(offices), e.currentOffice(), List.copyOf(sites), List.copyOf(staff));
    }

    private static GpList gpList(CooperationFile.GpListEntry e, Path fileDir, List<Participant> participants) {
        List<String> address = e.herIds() == null ? List.of() : e.herIds();
        if (!address.isEmpty()) checkHerIds("gp-list: ", address);
        List<CooperationFile.GpEntry> entries = new ArrayList<>();
        if (e.entries() != null) entries.addAll(e.entries());
        if (e.file() != null) {
            Path path = fileDir.resolve(e.file());
            try (InputStream in = Files.newInputStream(path)) {
                CooperationFile.GpListFile listFile = yamlMapper().readValue(in, CooperationFile.GpListFile.class);
                if (listFile != null && listFile.entries() != null) entries.addAll(listFile.entries());
            } catch (IOException io) {
                // the message of a YAML error can quote the offending line, which may hold a patient id
                throw new InvalidCooperationException("gp-list: the file " + path + " cannot be read ("
                        + io.getClass().getSimpleName() + ")", null);
            }
        }
        Map<String, Participant> byId = new HashMap<>();
        for (Participant p : participants) byId.put(p.id(), p);
        Map<String, GpList.Listing> byPatient = new HashMap<>();
        Map<String, String> officeByGp = new HashMap<>();
        int n = 0;
        for (CooperationFile.GpEntry entry : entries) {
            String where = "gp-list entry " + ++n + ": ";
            // never repeat the patient id in a message: it ends up in logs and API answers
            if (!NorwegianIds.isValidPersonNumber(entry.patient())) {
                throw new InvalidCooperationException(where + "patient is not a valid fødselsnummer or D-nummer");
            }
            if (entry.gp() == null || !entry.gp().matches("\\d{1,9}")) {
                throw new InvalidCooperationException(where + "gp must be the GP's HER-id (1 to 9 digits)");
            }
            Participant office = byId.get(entry.office());
            if (office == null) throw new InvalidCooperationException(where + "office '" + entry.office() + "' is no participant");
            String earlier = officeByGp.putIfAbsent(entry.gp(), office.id());
            if (earlier != null && !earlier.equals(office.id())) {
                throw new InvalidCooperationException(where + "GP " + entry.gp() + " is listed at both '" + earlier
                        + "' and '" + office.id() + "'");
            }
            for (Participant other : participants) {
                if (other != office && other.herIds().contains(entry.gp())) {
                    throw new InvalidCooperationException(where + "GP " + entry.gp() + " is a HER-id of participant '"
                            + other.id() + "', not of the office '" + office.id() + "'");
                }
            }
            if (byPatient.putIfAbsent(entry.patient(), new GpList.Listing(entry.gp(), office.id())) != null) {
                throw new InvalidCooperationException(where + "the patient is listed twice");
            }
        }
        if (!byPatient.isEmpty() && address.isEmpty()) {
            throw new InvalidCooperationException("gp-list: give her-ids, the address of \"the patient's GP\"");
        }
        return new GpList(address, byPatient, officeByGp);
    }

    private static Participant participant(CooperationFile.Entry e, Path dataDir) {
        if (e.id() == null || !e.id().matches("[a-z0-9][a-z0-9-]{0,40}")) {
            throw new InvalidCooperationException("participant id '" + e.id()
                    + "' must be lower-case letters, digits and dashes (it names queues and folders)");
        }
        String where = "participant '" + e.id() + "': ";
        checkHerIds(where, e.herIds());
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
        Participant.Channel ch;
        if (channel.equals("file")) {
            Path outbox = dataDir.resolve(e.outbox() != null ? e.outbox() : "participants/" + e.id() + "/outbox");
            Path inbox = dataDir.resolve(e.inbox() != null ? e.inbox() : "participants/" + e.id() + "/inbox");
            ch = new Participant.Channel(Participant.ChannelType.FILE, outbox, inbox);
        } else if (channel.equals("jms")) {
            if (e.outbox() != null || e.inbox() != null) {
                throw new InvalidCooperationException(where + "a jms participant has no outbox or inbox folder (it uses"
                        + " the queues samnav.in." + e.id() + " and samnav.out." + e.id() + ")");
            }
            ch = new Participant.Channel(Participant.ChannelType.JMS, null, null);
        } else if (channel.equals("fhir")) {
            if (e.outbox() != null || e.inbox() != null) {
                throw new InvalidCooperationException(where + "a fhir participant has no outbox or inbox folder (it sends"
                        + " with $process-message and receives at its endpoint)");
            }
            // without an endpoint the participant's system fetches its messages (GET /fhir/Bundle)
            java.net.URI endpoint = null;
            try {
                if (e.endpoint() != null) endpoint = java.net.URI.create(e.endpoint().trim());
            } catch (IllegalArgumentException bad) {
                throw new InvalidCooperationException(where + "endpoint is not a URL");
            }
            if (endpoint == null && e.endpointTokenEnv() != null) {
                throw new InvalidCooperationException(where + "endpoint-token-env needs an endpoint");
            }
            if (endpoint != null && (!"https".equals(endpoint.getScheme()) && !"http".equals(endpoint.getScheme())
                    || endpoint.getHost() == null || endpoint.getUserInfo() != null)) {
                throw new InvalidCooperationException(where + "endpoint must be an http(s) URL without credentials"
                        + " (a token comes from the environment variable named in endpoint-token-env)");
            }
            if (e.endpointTokenEnv() != null && !e.endpointTokenEnv().matches("[A-Z_][A-Z0-9_]{0,100}")) {
                throw new InvalidCooperationException(where + "endpoint-token-env must name an environment variable"
                        + " (upper case, digits, _)");
            }
            ch = new Participant.Channel(Participant.ChannelType.FHIR, null, null, endpoint, e.endpointTokenEnv());
        } else {
            throw new InvalidCooperationException(where + "channel '" + e.channel() + "' is not supported (file, jms, fhir)");
        }
        if (ch.type() != Participant.ChannelType.FHIR && (e.endpoint() != null || e.endpointTokenEnv() != null)) {
            throw new InvalidCooperationException(where + "endpoint and endpoint-token-env belong to a fhir channel");
        }
        List<String> clients = e.apiClients() == null ? List.of() : List.copyOf(e.apiClients());
        for (String client : clients) {
            if (client == null || !client.matches("[A-Za-z0-9._:-]{1,100}")) {
                throw new InvalidCooperationException(where + "api-clients: '" + client + "' is no OAuth2 client id"
                        + " (letters, digits, . _ : -)");
            }
        }
        return new Participant(e.id(), e.name() == null ? e.id() : e.name(), e.municipality(), List.copyOf(e.herIds()),
                profile, ch, List.copyOf(accepts), clients);
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

    public Collection<Service> services() {
        return services.values();
    }

    public Optional<Service> service(String id) {
        return Optional.ofNullable(services.get(id));
    }

    /** The shared journal's members and duty hours. */
    public SharedJournalMembership sharedJournal() {
        return journal;
    }

    public GpList gpList() {
        return gpList;
    }

    /** The participants an API client may send as (those that list it in {@code api-clients}). */
    public List<Participant> actingFor(String clientId) {
        return byId.values().stream().filter(p -> p.apiClients().contains(clientId)).toList();
    }

    /**
     * The participant addressed by a list of HER-ids, most specific first (person, sub-unit,
     * organisation): a message to a GP who has left the list still reaches the office.
     */
    public Optional<Participant> addressedBy(List<String> herIdsMostSpecificFirst) {
        return resolve(herIdsMostSpecificFirst, null) instanceof Addressing.Resolved r
                ? Optional.of(r.participant()) : Optional.empty();
    }

    /**
     * Resolves the receiver of a message from its HER-ids, most specific first (person, sub-unit,
     * organisation). The first HER-id the cooperation knows decides: a participant's own HER-id; a
     * service's, which reaches the service's current office; a GP on the GP list, which reaches the
     * GP's office; or the GP-list address, which reaches the office of the patient's GP (looked up
     * by {@code patientId}, a fødselsnummer or D-nummer). Unknown HER-ids before it (a GP who has left
     * the list) are skipped, so the office named next receives the message.
     */
    public Addressing resolve(List<String> herIdsMostSpecificFirst, String patientId) {
        List<String> unknown = new ArrayList<>();
        for (String her : herIdsMostSpecificFirst) {
            Participant p = byHerId.get(her);
            if (p != null) return new Addressing.Resolved(p, Addressing.Via.PARTICIPANT, her, List.copyOf(unknown));
            Service s = serviceByHerId.get(her);
            if (s != null) {
                return new Addressing.Resolved(byId.get(s.currentOffice()), Addressing.Via.SERVICE, her, List.copyOf(unknown));
            }
            if (gpList.addressHerIds().contains(her)) {
                if (patientId == null) {
                    return new Addressing.Unresolved("Meldingen er adressert til pasientens fastlege (HER-id " + her
                            + "), men oppgir ikke pasientens fødselsnummer eller D-nummer");
                }
                Optional<GpList.Listing> listing = gpList.listingOf(patientId);
                if (listing.isEmpty()) {
                    return new Addressing.Unresolved("Meldingen er adressert til pasientens fastlege (HER-id " + her
                            + "), men pasienten står ikke på noen fastlegeliste i samarbeidet");
                }
                return new Addressing.Resolved(byId.get(listing.get().office()), Addressing.Via.PATIENTS_GP, her,
                        List.copyOf(unknown));
            }
            Optional<String> gpOffice = gpList.officeOfGp(her);
            if (gpOffice.isPresent()) {
                return new Addressing.Resolved(byId.get(gpOffice.get()), Addressing.Via.GP_ON_LIST, her, List.copyOf(unknown));
            }
            unknown.add(her);
        }
        return new Addressing.Unresolved("Mottaker finnes ikke i samarbeidet: ingen deltaker har HER-id "
                + String.join(" eller ", herIdsMostSpecificFirst));
    }
}
