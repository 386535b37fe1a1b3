package no.samnav.gateway.flow;

import java.util.concurrent.atomic.AtomicReference;
import no.samnav.gateway.registry.ParticipantRegistry;

/** The registry in force; a reload swaps it whole, so a lookup never sees half a configuration. */
public final class RegistryHolder {

    private final AtomicReference<ParticipantRegistry> current;

    public RegistryHolder(ParticipantRegistry initial) {
        this.current = new AtomicReference<>(initial);
    }

    public ParticipantRegistry current() {
        return current.get();
    }

    public void replace(ParticipantRegistry next) {
        current.set(next);
    }
}
