package no.samnav.conformance.generator;

import java.util.List;

/** Every message generator, one per standard and version the mappers write. */
public final class Generators {

    private Generators() {
    }

    public static List<MessageGenerator> all() {
        return List.of(
                // one line per standard and version
                new EpikriseV1_2Generator()
        );
    }
}
