package no.samnav.mappers.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The official examples in the shared standards directory ({@code samnav.shared.dir}, set by the
 * build to {@code ../shared} beside the repository), read in place and never copied.
 */
final class SharedExamples {

    private SharedExamples() {
    }

    static Path examples() {
        String dir = System.getProperty("samnav.shared.dir");
        Path shared = dir != null ? Path.of(dir) : Path.of("..", "..", "shared");
        Path examples = shared.resolve("standards").resolve("examples");
        if (!Files.isDirectory(examples)) {
            throw new IllegalStateException("The official examples were not found at " + examples.toAbsolutePath()
                    + ": set -Dsamnav.shared.dir");
        }
        return examples;
    }

    /** Every official example of a content standard (not AppRec), as paths relative to the examples directory. */
    static List<String> contentExamples() {
        try (Stream<Path> files = Files.walk(examples())) {
            return files.filter(p -> p.toString().endsWith(".xml"))
                    .map(p -> examples().relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.startsWith("apprec/"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(examples().resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
