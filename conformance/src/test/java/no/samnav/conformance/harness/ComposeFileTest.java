package no.samnav.conformance.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * {@code docker/compose.yml} is complete and consistent with itself, with the image, with
 * Prometheus' configuration and documentation, and with what the cluster harness runs
 * ({@link ClusterTopology}): the harness reads the compose file, so what is proven on this machine
 * is the configuration the containers get, with only host names, ports and paths replaced.
 */
class ComposeFileTest {

    private static Path docker;
    private static ComposeFile compose;

    @BeforeAll
    static void read() throws IOException {
        Path file = HarnessFiles.composeFile();
        docker = file.getParent();
        compose = ComposeFile.read(file);
    }

    @Test
    void interpolationFollowsCompose() {
        Map<String, String> vars = Map.of("SET", "x", "EMPTY", "");
        assertThat(ComposeFile.interpolate("${SET}-${UNSET}", vars::get)).isEqualTo("x-");
        assertThat(ComposeFile.interpolate("${UNSET:-d} ${EMPTY:-d} ${EMPTY-d}", vars::get)).isEqualTo("d d ");
        assertThat(ComposeFile.interpolate("$$HOME ${SET:?must}", vars::get)).isEqualTo("$HOME x");
        assertThatThrownBy(() -> ComposeFile.interpolate("${EMPTY:?set EMPTY}", vars::get))
                .hasMessageContaining("EMPTY").hasMessageContaining("set EMPTY");
    }

    @Test
    void twoGatewayNodesWithOneConfigurationOnSharedFolders() throws IOException {
        List<String> gateways = compose.gatewayServices();
        assertThat(gateways).hasSize(2);
        Map<String, String> first = new HashMap<>(compose.environment(gateways.get(0)));
        Map<String, String> second = new HashMap<>(compose.environment(gateways.get(1)));
        assertThat(first.remove("LOGGING_FILE_NAME")).isNotEqualTo(second.remove("LOGGING_FILE_NAME"));
        assertThat(first).isEqualTo(second);

        assertThat(first).containsEntry("SPRING_PROFILES_ACTIVE", "production")
                .containsEntry("SPRING_ARTEMIS_MODE", "native")
                .containsEntry("SPRING_ARTEMIS_EMBEDDED_ENABLED", "false")
                .containsEntry("SAMNAV_CLUSTER_ENABLED", "true");
        String dataDir = dockerfileEnv("SAMNAV_DATA_DIR");
        Set<String> logVolumes = new TreeSet<>();
        for (String gateway : gateways) {
            // the participants' folders: one named volume, the same for both nodes
            assertThat(compose.volumes(gateway)).contains(compose.volumes(gateways.get(0)).stream()
                    .filter(v -> v.endsWith(":" + dataDir)).findFirst().orElseThrow());
            assertThat(compose.namedVolumes()).contains(compose.volumes(gateway).stream()
                    .filter(v -> v.endsWith(":" + dataDir)).findFirst().orElseThrow().split(":")[0]);
            // each node's log in a volume of its own, outside the folders the offices reach
            String log = compose.environment(gateway).get("LOGGING_FILE_NAME");
            assertThat(log).doesNotStartWith(dataDir + "/");
            String logDir = log.substring(0, log.lastIndexOf('/'));
            String logVolume = compose.volumes(gateway).stream().filter(v -> v.endsWith(":" + logDir)).findFirst().orElseThrow();
            logVolumes.add(logVolume.split(":")[0]);
            // published on loopback only: TLS and access control come from a reverse proxy in front
            assertThat(compose.service(gateway).get("ports")).asList().allMatch(p -> String.valueOf(p).startsWith("127.0.0.1:"));
        }
        assertThat(logVolumes).hasSize(2);
        // secrets come from docker/.env, never from the file
        assertThat(first.get("SPRING_ARTEMIS_PASSWORD")).startsWith("${");
        assertThat(first.get("SPRING_DATASOURCE_PASSWORD")).startsWith("${");
    }

    @Test
    void theGatewaysUseTheBrokerPairAndTheDatabaseOfTheFile() {
        Map<String, String> env = compose.environment(compose.gatewayServices().get(0));
        List<String> brokers = ClusterTopology.brokerServices(compose);
        assertThat(brokers).hasSize(2);
        String url = env.get("SPRING_ARTEMIS_BROKER_URL");
        for (String broker : brokers) assertThat(url).contains("tcp://" + broker + ":" + ClusterTopology.ARTEMIS_PORT);
        assertThat(url).contains("ha=true").contains("reconnectAttempts=-1");
        for (String broker : brokers) {
            assertThat(compose.environment(broker).get("ARTEMIS_USER")).isEqualTo(env.get("SPRING_ARTEMIS_USER"));
            assertThat(compose.environment(broker).get("ARTEMIS_PASSWORD")).isEqualTo(env.get("SPRING_ARTEMIS_PASSWORD"));
        }

        Map<String, String> postgres = compose.environment("postgres");
        assertThat(env.get("SPRING_DATASOURCE_URL")).isEqualTo("jdbc:postgresql://postgres:5432/" + postgres.get("POSTGRES_DB"));
        assertThat(env.get("SPRING_DATASOURCE_USERNAME")).isEqualTo(postgres.get("POSTGRES_USER"));
        assertThat(env.get("SPRING_DATASOURCE_PASSWORD")).isEqualTo(postgres.get("POSTGRES_PASSWORD"));
        assertThat(dependsOn(compose.gatewayServices().get(0))).contains("postgres", "artemis-primary");
    }

    @Test
    void theBrokersArePrimaryAndBackupOnOneSharedJournal() {
        Map<String, String> vars = Map.of("ARTEMIS_PASSWORD", "p", "ARTEMIS_CLUSTER_PASSWORD", "c");
        List<String> brokers = ClusterTopology.brokerServices(compose);
        Set<String> dataPaths = new LinkedHashSet<>();
        Set<String> journalVolumes = new LinkedHashSet<>();
        int backups = 0;
        for (String broker : brokers) {
            List<String> args = List.of(ComposeFile.interpolate(compose.environment(broker).get("EXTRA_ARGS"), vars::get)
                    .trim().split("\\s+"));
            assertThat(args).contains("--shared-store", "--clustered", "--failover-on-shutdown");
            if (args.contains("--backup")) backups++;
            String data = after(args, "--data");
            dataPaths.add(data);
            compose.volumes(broker).stream().filter(v -> v.endsWith(":" + data)).forEach(v -> journalVolumes.add(v.substring(0, v.indexOf(':'))));
            // each announces the other as its cluster partner, under the name compose gives it
            String other = brokers.stream().filter(b -> !b.equals(broker)).findFirst().orElseThrow();
            assertThat(after(args, "--static-cluster")).isEqualTo("tcp://" + other + ":" + ClusterTopology.ARTEMIS_PORT);
            assertThat(after(args, "--host")).isEqualTo(broker);
            assertThat(compose.volumes(broker)).contains("./artemis/broker.properties:" + ClusterTopology.ETC_OVERRIDE + "broker.properties:ro");
        }
        assertThat(backups).isEqualTo(1);
        assertThat(dataPaths).hasSize(1);
        assertThat(journalVolumes).hasSize(1).allMatch(compose.namedVolumes()::contains);
    }

    @Test
    void theBrokerSettingsKeepDeliveriesInOrderAndDeadLettersApart() throws IOException {
        String properties = Files.readString(docker.resolve("artemis/broker.properties"));
        assertThat(properties).contains("addressSettings.\"samnav.deliver.#\".defaultExclusiveQueue=true")
                .contains("addressSettings.\"samnav.in.#\".defaultExclusiveQueue=true")
                .contains("addressSettings.\"#\".deadLetterAddress=samnav.broker-dead-letter");
    }

    @Test
    void theHarnessRunsTheFilesConfigurationWithOnlyHostsPortsAndPathsReplaced() {
        Map<String, String> vars = Map.of("ARTEMIS_PASSWORD", "p", "ARTEMIS_CLUSTER_PASSWORD", "c", "POSTGRES_PASSWORD", "pg");
        Map<String, String> endpoints = Map.of("artemis-primary:61616", "127.0.0.1:62616", "artemis-backup:61616",
                "127.0.0.1:62623", "postgres:5432", "localhost:5432");
        Path root = Path.of("/tmp/harness");
        ClusterTopology topology = new ClusterTopology(compose, vars, endpoints, Map.of("/var/lib/samnav", root.resolve("data"),
                "/var/log/samnav", root.resolve("logs"),
                "/var/lib/artemis-shared", root.resolve("journal"), "/etc/samnav", root.resolve("etc")));

        for (String gateway : compose.gatewayServices()) {
            Map<String, String> env = topology.gatewayEnvironment(gateway);
            assertThat(env.keySet()).isEqualTo(compose.environment(gateway).keySet());
            assertThat(env.get("SPRING_ARTEMIS_BROKER_URL")).startsWith("(tcp://127.0.0.1:62616,tcp://127.0.0.1:62623)?ha=true");
            assertThat(env.get("SPRING_DATASOURCE_URL")).isEqualTo("jdbc:postgresql://localhost:5432/samnav");
            assertThat(env.get("LOGGING_FILE_NAME")).startsWith(root.resolve("logs").toString());
            assertThat(String.join(" ", env.values())).doesNotContain("artemis-primary", "artemis-backup", "postgres:", "/var/lib/");
        }
        List<ClusterTopology.Broker> brokers = topology.brokers();
        assertThat(brokers).extracting(ClusterTopology.Broker::backup).containsExactlyInAnyOrder(true, false);
        for (ClusterTopology.Broker broker : brokers) {
            List<String> args = broker.createArguments();
            assertThat(after(args, "--host")).isEqualTo("127.0.0.1");
            assertThat(after(args, "--data")).isEqualTo(root.resolve("journal").toString());
            assertThat(after(args, "--static-cluster")).startsWith("tcp://127.0.0.1:");
            assertThat(after(args, "--password")).isEqualTo("p");
            assertThat(after(args, "--cluster-password")).isEqualTo("c");
            assertThat(broker.etcFiles()).containsEntry("broker.properties", docker.resolve("artemis/broker.properties").normalize());
        }
        assertThat(ClusterHarness.HARNESS_ONLY).containsExactly("SPRING_FLYWAY_SCHEMAS");
    }

    @Test
    void prometheusScrapesEveryGatewayWhereTheImageServesMetrics() throws IOException {
        Map<String, Object> prometheus = yaml(docker.resolve("prometheus/prometheus.yml"));
        @SuppressWarnings("unchecked")
        Map<String, Object> job = ((List<Map<String, Object>>) prometheus.get("scrape_configs")).get(0);
        assertThat(job).containsEntry("metrics_path", "/actuator/prometheus");
        @SuppressWarnings("unchecked")
        List<String> targets = (List<String>) ((List<Map<String, Object>>) job.get("static_configs")).get(0).get("targets");
        String port = dockerfileEnv("SERVER_PORT");
        assertThat(targets).containsExactlyInAnyOrderElementsOf(compose.gatewayServices().stream().map(g -> g + ":" + port).toList());
        assertThat(compose.volumes("prometheus")).contains("./prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro",
                "./prometheus/alerts.yml:/etc/prometheus/alerts.yml:ro");
        assertThat(prometheus.get("rule_files")).asList().containsExactly("/etc/prometheus/alerts.yml");
        for (String gateway : compose.gatewayServices()) {
            assertThat(compose.service(gateway).get("ports")).asList().allMatch(p -> String.valueOf(p).endsWith(":" + port));
        }
    }

    @Test
    void theImageRunsAsAnUnprivilegedUserAndChecksItsOwnHealth() throws IOException {
        String dockerfile = Files.readString(docker.resolve("Dockerfile"));
        String port = dockerfileEnv("SERVER_PORT");
        Matcher user = Pattern.compile("(?m)^USER\\s+(\\S+)").matcher(dockerfile);
        assertThat(user.find()).isTrue();
        assertThat(user.group(1)).doesNotStartWith("root").doesNotStartWith("0:").isNotEqualTo("0");
        assertThat(dockerfile).containsPattern("(?m)^EXPOSE " + port + "$")
                .contains("HEALTHCHECK").contains("http://localhost:" + port + "/actuator/health")
                // the jar the gateway module builds, unpacked in Spring Boot's layers
                .contains("gateway/target/samnav-gateway.jar").contains("extract --layers --launcher")
                .contains("org.springframework.boot.loader.launch.JarLauncher");
    }

    @Test
    void everyVariableIsInTheExampleEnvironmentAndEverySettingIsDocumented() throws IOException {
        String text = Files.readString(docker.resolve("compose.yml"));
        Set<String> variables = new TreeSet<>();
        Matcher m = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)").matcher(text);
        while (m.find()) variables.add(m.group(1));
        Set<String> example = new TreeSet<>();
        for (String line : Files.readAllLines(docker.resolve("env.example"))) {
            if (!line.startsWith("#") && line.contains("=")) example.add(line.substring(0, line.indexOf('=')));
        }
        assertThat(example).containsAll(variables);

        String operations = Files.readString(docker.resolve("../docs/operations.md"));
        String configuration = Files.readString(docker.resolve("../docs/configuration.md"));
        assertThat(variables).allSatisfy(v -> assertThat(operations).as("docs/operations.md").contains("`" + v + "`"));
        for (String gateway : compose.gatewayServices()) {
            for (String setting : compose.environment(gateway).keySet()) {
                assertThat(operations).as("docs/operations.md documents " + setting).contains("`" + setting + "`");
                if (setting.startsWith("SAMNAV_")) {
                    assertThat(configuration).as("docs/configuration.md documents " + setting).contains("`" + setting + "`");
                }
            }
        }
    }

    private static String dockerfileEnv(String name) throws IOException {
        Matcher m = Pattern.compile("\\b" + name + "=(\\S+)").matcher(Files.readString(docker.resolve("Dockerfile")));
        assertThat(m.find()).as("Dockerfile sets " + name).isTrue();
        return m.group(1);
    }

    @SuppressWarnings("unchecked")
    private static List<String> dependsOn(String service) {
        Object depends = compose.service(service).get("depends_on");
        return depends instanceof Map<?, ?> map ? List.copyOf(((Map<String, Object>) map).keySet()) : (List<String>) depends;
    }

    private static String after(List<String> args, String option) {
        int i = args.indexOf(option);
        assertThat(i).as(option + " in " + args).isGreaterThanOrEqualTo(0);
        return args.get(i + 1);
    }

    private static Map<String, Object> yaml(Path file) throws IOException {
        try (var in = Files.newBufferedReader(file)) {
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        }
    }
}
