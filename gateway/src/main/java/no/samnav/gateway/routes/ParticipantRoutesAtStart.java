package no.samnav.gateway.routes;

import no.samnav.gateway.flow.RegistryHolder;
import no.samnav.gateway.registry.Participant;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.stereotype.Component;

/** Adds the routes of every configured participant before Camel starts. */
@Component
public class ParticipantRoutesAtStart implements CamelContextConfiguration {

    private final RegistryHolder registry;
    private final ParticipantRoutes routes;

    public ParticipantRoutesAtStart(RegistryHolder registry, ParticipantRoutes routes) {
        this.registry = registry;
        this.routes = routes;
    }

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
        try {
            for (Participant p : registry.current().participants()) routes.add(camelContext, p);
        } catch (Exception e) {
            throw new IllegalStateException("cannot add the participants' routes: " + e.getMessage(), e);
        }
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
        // nothing: the routes start with the context
    }
}
