package no.samnav.conformance.harness;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository's files the harnesses need, from the working directory or a system property. */
final class HarnessFiles {

    private HarnessFiles() {
    }

    /** {@code property} if set, else {@code relative} in the working directory or the nearest parent that has it. */
    static Path locate(String property, String... relatives) {
        String explicit = System.getProperty(property);
        if (explicit != null && !explicit.isBlank()) return Path.of(explicit).toAbsolutePath();
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            for (String relative : relatives) {
                Path candidate = dir.resolve(relative);
                if (Files.isRegularFile(candidate)) return candidate;
            }
        }
        throw new IllegalStateException(String.join(" or ", relatives) + " not found from " + Path.of("").toAbsolutePath()
                + " (build with mvn package, or set -D" + property + "=...)");
    }

    /** The folder named by {@code property} (made if missing), or a new temporary one, kept after the run for inspection. */
    static Path workDir(String property, String prefix) throws java.io.IOException {
        String dir = System.getProperty(property);
        return dir == null || dir.isBlank() ? Files.createTempDirectory(prefix)
                : Files.createDirectories(Path.of(dir).toAbsolutePath());
    }

    /** {@code docker/compose.yml}: the production shape the cluster harness runs as processes. */
    static Path composeFile() {
        return locate("samnav.cluster.compose-file", "docker/compose.yml");
    }

    static Path gatewayJar() {
        return locate("samnav.harness.gateway-jar", "gateway/target/samnav-gateway.jar");
    }

    static Path sample() {
        return locate("samnav.harness.sample", "samples/dialogmelding-1.1-notat.xml");
    }
}
