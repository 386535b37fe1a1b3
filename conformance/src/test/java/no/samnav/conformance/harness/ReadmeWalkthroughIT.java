package no.samnav.conformance.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first steps, run as written: its start command brings up the packaged gateway with
 * the demo cooperation, and the walkthrough's shell blocks (drop the sample note into Oteren's
 * outbox, answer it with the sample AppRec, ask the operator API) print what their comments say.
 * Then the FHIR API section's block: a dev token, the FHIR sample sent with {@code $process-message},
 * the note in Oteren's inbox as Dialogmelding 1.0, its Task DELIVERED. Then the shared journal's: the
 * legevakt's InfoDoc note reaches Oteren, the GP finds it (ITI-67), reads its HTML (ITI-68), and the
 * patient access log shows the retrieval. Then the midwife's day: her steps on the pregnancy card
 * page are taken over HTTP as a browser takes them ({@link MidwifeAtOteren}), and the section's block
 * shows the lab result following the pregnancy to her office, the GP's notice and the shared card.
 * The commands are taken from README.md itself, so the test fails when the README and the product
 * drift apart. Only the HTTP port is moved off 8080 (and the broker's TCP acceptor off 61616) so
 * that the test does not collide with a gateway the developer runs.
 */
class ReadmeWalkthroughIT {

    private static final Pattern SHELL_BLOCK = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern BUILD_THEN_START = Pattern.compile("mvn -B -q -DskipTests package && (.+)");

    @TempDir
    Path workDir;

    private Process gateway;

    @AfterEach
    void stopGateway() throws InterruptedException {
        if (gateway == null) return;
        gateway.descendants().forEach(ProcessHandle::destroyForcibly);
        gateway.destroyForcibly();
        gateway.waitFor(30, TimeUnit.SECONDS);
    }

    @Test
    void theStartCommandBringsUpTheDemoCooperationAndTheWalkthroughWorksAsWritten() throws Exception {
        Path readme = HarnessFiles.locate("samnav.harness.readme", "README.md");
        Path repository = readme.getParent();
        List<String> blocks = shellBlocks(Files.readString(readme));
        assertThat(blocks).as("README: start command, send the note, send the receipt").hasSizeGreaterThanOrEqualTo(3);

        // the build half of the start command is what mvn verify has just done; the start half runs as written
        Matcher start = BUILD_THEN_START.matcher(blocks.get(0).strip());
        assertThat(start.matches()).as("README's first command builds and then starts the gateway: " + blocks.get(0)).isTrue();
        Files.createDirectories(workDir.resolve("gateway/target"));
        Files.createSymbolicLink(workDir.resolve("gateway/target/samnav-gateway.jar"), HarnessFiles.gatewayJar());
        Files.createSymbolicLink(workDir.resolve("samples"), repository.resolve("samples"));
        int port = freePort();

        Path log = workDir.resolve("gateway.log");
        ProcessBuilder startCommand = shell(start.group(1), port).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        long t0 = System.nanoTime();
        gateway = startCommand.start();
        HttpClient http = HttpClient.newHttpClient();
        URI health = URI.create("http://localhost:" + port + "/actuator/health");
        await("the gateway started by the README's command (log " + log + ")").atMost(Duration.ofMinutes(2))
                // not yet listening: keep polling; exited: fail at once, with the gateway's own words
                .pollInterval(Duration.ofMillis(200)).ignoreExceptionsInstanceOf(IOException.class).until(() -> {
                    if (!gateway.isAlive()) {
                        throw new AssertionError("the README's start command exited with " + gateway.exitValue()
                                + ":\n" + Files.readString(log));
                    }
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(health).build(),
                            HttpResponse.BodyHandlers.ofString());
                    return r.statusCode() == 200 && r.body().contains("\"UP\"");
                });
        System.out.printf("README start command: gateway up in %d ms%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
        for (String participant : List.of("storsteinnes", "malangen", "oteren", "legevakt", "jordmor-oteren",
                "jordmor-storsteinnes", "unn")) {
            assertThat(workDir.resolve("data/participants/" + participant + "/outbox")).isDirectory();
            assertThat(workDir.resolve("data/participants/" + participant + "/inbox")).isDirectory();
        }

        List<String> walkthrough = new ArrayList<>(blocks.subList(1, 3));
        List<String> fhirApi = sectionBlocks(Files.readString(readme), "## The FHIR API");
        assertThat(fhirApi).as("README: the FHIR API walkthrough with a dev token").isNotEmpty();
        walkthrough.addAll(fhirApi);
        List<String> journal = sectionBlocks(Files.readString(readme), "## The shared journal");
        assertThat(journal).as("README: the GP at Oteren finds the legevakt's note in the shared journal").isNotEmpty();
        walkthrough.addAll(journal);
        for (String block : walkthrough) runAsPromised(block, port);

        // the midwife's day: steps 1-4 over HTTP as the browser takes them, then the README's block
        List<String> pregnancy = sectionBlocks(Files.readString(readme), "## The midwife's pregnancy card");
        assertThat(pregnancy).as("README: the lab result follows Ingrid's pregnancy to the midwife").isNotEmpty();
        MidwifeAtOteren.takeTheWalkthroughSteps(port);
        for (String block : pregnancy) runAsPromised(block, port);
    }

    private void runAsPromised(String block, int port) throws IOException, InterruptedException {
        List<String> promised = expectations(block);
        assertThat(promised).as("what the README says this block prints:\n" + block).isNotEmpty();
        String output = run(block, port);
        for (String expected : promised) {
            assertThat(output).as("output of\n" + block).contains(expected);
        }
    }

    /** The shell blocks of the README's opening, before its first section heading. */
    static List<String> shellBlocks(String readme) {
        int firstSection = readme.indexOf("\n## ");
        Matcher m = SHELL_BLOCK.matcher(firstSection < 0 ? readme : readme.substring(0, firstSection));
        List<String> blocks = new ArrayList<>();
        while (m.find()) blocks.add(m.group(1));
        return blocks;
    }

    /** The shell blocks of one section of the README (from its heading to the next {@code ## } heading). */
    static List<String> sectionBlocks(String readme, String heading) {
        int start = readme.indexOf("\n" + heading + "\n");
        if (start < 0) return List.of();
        int end = readme.indexOf("\n## ", start + heading.length() + 1);
        Matcher m = SHELL_BLOCK.matcher(readme.substring(start, end < 0 ? readme.length() : end));
        List<String> blocks = new ArrayList<>();
        while (m.find()) blocks.add(m.group(1));
        return blocks;
    }

    /**
     * What the block's comments promise: a comment line {@code # prints X} promises that X is printed;
     * a comment after a command naming an id promises that id, and one listing statuses
     * ({@code A → B → C}) each of them. Other comment lines explain and promise nothing.
     */
    static List<String> expectations(String block) {
        List<String> expected = new ArrayList<>();
        for (String line : block.split("\n")) {
            String stripped = line.strip();
            if (stripped.startsWith("# prints ")) {
                expected.add(stripped.substring("# prints ".length()).strip().split("\\s+")[0]);
                continue;
            }
            int hash = line.indexOf(" # ");
            if (stripped.startsWith("#") || hash < 0) continue;
            for (String item : line.substring(hash + 3).split("→")) {
                String token = item.strip().split("\\s+")[0];
                if (!token.isEmpty()) expected.add(token);
            }
        }
        return expected;
    }

    private String run(String block, int port) throws IOException, InterruptedException {
        Path output = Files.createTempFile(workDir, "block", ".out");
        Process p = shell("set -e\n" + block, port).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        boolean finished = p.waitFor(2, TimeUnit.MINUTES);
        if (!finished) p.destroyForcibly();
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(finished).as("finished within 2 minutes:\n" + block + "\noutput:\n" + printed).isTrue();
        assertThat(p.exitValue()).as("exit status of\n" + block + "\noutput:\n" + printed).isZero();
        return printed;
    }

    private ProcessBuilder shell(String script, int port) {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", script.replace("localhost:8080", "localhost:" + port))
                .directory(workDir.toFile());
        pb.environment().put("SERVER_PORT", String.valueOf(port));
        pb.environment().put("SAMNAV_BROKER_TCP_PORT", "0");
        pb.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
        return pb;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
