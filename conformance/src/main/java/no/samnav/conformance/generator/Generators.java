package no.samnav.conformance.generator;

import java.util.List;

/** Every message generator, one per standard and version the mappers write. */
public final class Generators {

    private Generators() {
    }

    public static List<MessageGenerator> all() {
        return List.of(
                new DialogmeldingV1_0Generator(),
                new DialogmeldingV1_1Generator(),
                new HenvisningV1_1Generator(),
                new HenvisningV2_0Generator(),
                new EpikriseV1_2Generator(),
                new SvarrapportV1_4Generator(),
                new AppRecV1_0Generator(),
                new AppRecV1_1Generator()
        );
    }

    /**
     * Generators of versions the mappers read but do not write (Epikrise 1.1): their messages can
     * only be translated to a newer version, which the translation suite does.
     */
    public static List<MessageGenerator> readOnly() {
        return List.of(new EpikriseV1_1Generator());
    }

    /** Every generator, writable and read-only. */
    public static List<MessageGenerator> everyVersion() {
        return java.util.stream.Stream.concat(all().stream(), readOnly().stream()).toList();
    }
}
