package no.samnav.conformance.generator;

import java.util.List;

/** Every message generator, one per standard and version the mappers write. */
public final class Generators {

    private Generators() {
    }

    public static List<MessageGenerator> all() {
        return List.of(
                // one line per standard and version
                new HenvisningV1_1Generator(),
                new HenvisningV2_0Generator()
        );
    }
}
