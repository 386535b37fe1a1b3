package no.samnav.gateway.reload;

import java.util.ArrayList;
import java.util.List;
import no.samnav.gateway.config.SamnavProperties;
import no.samnav.gateway.flow.RegistryHolder;
import no.samnav.gateway.registry.InvalidCooperationException;
import no.samnav.gateway.registry.Participant;
import no.samnav.gateway.registry.ParticipantRegistry;
import no.samnav.gateway.routes.ParticipantRoutes;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Reloads the cooperation file while the gateway runs: reads and checks it (an invalid file changes
 * nothing), puts the new registry in force, then removes the routes of removed participants,
 * replaces those of changed ones and adds those of new ones. Messages waiting on the durable
 * queues ({@code samnav.route}, {@code samnav.deliver.<id>}) stay in the broker throughout: a
 * delivery queue simply has no consumer while its route is replaced. What was routed before the
 * reload is delivered as it was translated then; what is routed after uses the new configuration.
 */
@Service
public class ReloadService {

    private static final Logger log = LoggerFactory.getLogger(ReloadService.class);

    private final SamnavProperties properties;
    private final RegistryHolder registry;
    private final ParticipantRoutes routes;
    private final CamelContext camel;

    public ReloadService(SamnavProperties properties, RegistryHolder registry, ParticipantRoutes routes,
            CamelContext camel) {
        this.properties = properties;
        this.registry = registry;
        this.routes = routes;
        this.camel = camel;
    }

    /** What a reload changed. */
    public record Result(String cooperation, int participants, int services, int gpListPatients, List<String> added,
            List<String> changed, List<String> removed) {
    }

    /**
     * Reads the cooperation file again and puts it in force.
     *
     * @throws InvalidCooperationException when the file is invalid; the configuration in force stays
     */
    public synchronized Result reload() throws Exception {
        ParticipantRegistry next = CooperationLoader.load(properties);
        ParticipantRegistry previous = registry.current();
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (Participant p : next.participants()) {
            var before = previous.byId(p.id());
            if (before.isEmpty()) added.add(p.id());
            else if (!before.get().equals(p)) changed.add(p.id());
        }
        for (Participant p : previous.participants()) {
            if (next.byId(p.id()).isEmpty()) removed.add(p.id());
        }
        registry.replace(next);
        for (String id : removed) routes.remove(camel, id);
        for (String id : changed) {
            routes.remove(camel, id);
            routes.add(camel, next.byId(id).orElseThrow());
        }
        for (String id : added) routes.add(camel, next.byId(id).orElseThrow());
        log.info("cooperation file {} reloaded: {} participants, added {}, changed {}, removed {}",
                CooperationLoader.describe(properties), next.participants().size(), added, changed, removed);
        return new Result(next.name(), next.participants().size(), next.services().size(), next.gpList().patients(),
                added, changed, removed);
    }
}
