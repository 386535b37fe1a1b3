package no.samnav.gateway.journal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import no.samnav.gateway.flow.RegistryHolder;
import no.samnav.gateway.registry.ParticipantRegistry;
import no.samnav.gateway.registry.Service;
import org.springframework.stereotype.Component;

/** The access policy's facts from the current cooperation file and the database. */
@Component
public class JournalCareFacts implements AccessPolicy.CareFacts {

    private final RegistryHolder registry;
    private final CareRecords records;

    public JournalCareFacts(RegistryHolder registry, CareRecords records) {
        this.registry = registry;
        this.records = records;
    }

    @Override
    public boolean isMember(String participant) {
        return registry.current().sharedJournal().isMember(participant);
    }

    @Override
    public Optional<String> gpOffice(String patientId) {
        return registry.current().gpList().listingOf(patientId).map(listing -> listing.office());
    }

    @Override
    public boolean onDuty(String participant, Instant at) {
        return registry.current().sharedJournal().onDuty(participant, at);
    }

    @Override
    public boolean activeEpisode(String patientId, List<String> participants) {
        ParticipantRegistry current = registry.current();
        List<String> services = current.services().stream()
                .filter(s -> s.offices().stream().anyMatch(participants::contains)).map(Service::id).toList();
        return records.activeEpisode(patientId, services);
    }

    @Override
    public boolean exchangedMessages(String patientId, List<String> participants, Instant since) {
        return records.exchangedMessages(patientId, participants, since);
    }

    @Override
    public boolean objects(String patientId, Instant at) {
        return records.objects(patientId, at);
    }

    @Override
    public Optional<String> emergencyAccess(String patientId, String hprNumber, Instant at) {
        return records.emergencyAccess(patientId, hprNumber, at);
    }
}
