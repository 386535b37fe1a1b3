package no.samnav.conformance.cli;

import java.util.stream.Collectors;
import java.util.stream.Stream;
import no.samnav.mappers.KithStandard;
import no.samnav.mappers.core.MapperRegistry;

/** The target names the CLI accepts, from the mappers' registry. */
final class Targets {

    private Targets() {
    }

    static String writable() {
        return Stream.of(KithStandard.values()).filter(MapperRegistry::canWrite).map(KithStandard::id)
                .collect(Collectors.joining(", "));
    }
}
