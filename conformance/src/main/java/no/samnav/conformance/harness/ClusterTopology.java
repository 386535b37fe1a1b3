package no.samnav.conformance.harness;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code docker/compose.yml} turned into processes on loopback: the gateway nodes' environment and
 * the brokers' {@code artemis create} arguments, exactly as compose gives them to the containers,
 * with container host names and ports replaced by loopback ones ({@code endpoints}) and container
 * paths by folders of the harness ({@code paths}). Variables ({@code ${ARTEMIS_PASSWORD}}, …) come
 * from the harness as they would come from {@code docker/.env}.
 */
public final class ClusterTopology {

    /** The image of the broker services. */
    static final String ARTEMIS_IMAGE = "apache/activemq-artemis";
    /** Where the official Artemis image copies extra configuration from into the instance's {@code etc}. */
    static final String ETC_OVERRIDE = "/var/lib/artemis-instance/etc-override/";
    /** The port of the brokers' acceptor in the containers. */
    static final int ARTEMIS_PORT = 61616;

    /**
     * A broker of the pair.
     *
     * @param createArguments the arguments of {@code artemis create} after the instance folder
     * @param etcFiles        files to place into the instance's {@code etc}: name → source
     */
    public record Broker(String service, boolean backup, List<String> createArguments, Map<String, Path> etcFiles) {
    }

    private final ComposeFile compose;
    private final Map<String, String> variables;
    private final Map<String, String> endpoints;
    private final Map<String, Path> paths;

    /**
     * @param endpoints container {@code host:port} → loopback {@code host:port}
     * @param paths     container path → local folder (longest prefix wins)
     */
    public ClusterTopology(ComposeFile compose, Map<String, String> variables, Map<String, String> endpoints,
            Map<String, Path> paths) {
        this.compose = compose;
        this.variables = Map.copyOf(variables);
        this.endpoints = Map.copyOf(endpoints);
        this.paths = Map.copyOf(paths);
    }

    /** The broker services of a compose file. */
    public static List<String> brokerServices(ComposeFile compose) {
        return compose.serviceNames().stream()
                .filter(s -> String.valueOf(compose.service(s).get("image")).startsWith(ARTEMIS_IMAGE)).toList();
    }

    public List<Broker> brokers() {
        List<Broker> brokers = new ArrayList<>();
        for (String service : brokerServices(compose)) {
            Map<String, String> env = compose.environment(service);
            // what the official image's entry point passes to `artemis create` before EXTRA_ARGS
            List<String> args = new ArrayList<>(List.of("--user", value(env.get("ARTEMIS_USER")), "--password",
                    value(env.get("ARTEMIS_PASSWORD")), "--silent", "--require-login"));
            List<String> extra = Arrays.asList(value(env.getOrDefault("EXTRA_ARGS", "")).trim().split("\\s+"));
            for (int i = 0; i < extra.size(); i++) {
                String arg = extra.get(i);
                if (arg.equals("--host") && i + 1 < extra.size()) {
                    args.add(arg);
                    args.add(host(extra.get(++i)));
                } else {
                    args.add(mapped(arg));
                }
            }
            Map<String, Path> etc = new LinkedHashMap<>();
            for (String volume : compose.volumes(service)) {
                String[] parts = volume.split(":");
                if (parts.length >= 2 && parts[1].startsWith(ETC_OVERRIDE)) {
                    etc.put(parts[1].substring(ETC_OVERRIDE.length()), compose.directory().resolve(parts[0]).normalize());
                }
            }
            brokers.add(new Broker(service, extra.contains("--backup"), List.copyOf(args), etc));
        }
        return brokers;
    }

    /** A gateway node's environment as compose sets it, with hosts, ports and paths mapped. */
    public Map<String, String> gatewayEnvironment(String service) {
        Map<String, String> env = new LinkedHashMap<>();
        compose.environment(service).forEach((k, v) -> env.put(k, value(v)));
        return env;
    }

    /** Interpolated and mapped: endpoints first, then container paths. */
    private String value(String raw) {
        return mapped(ComposeFile.interpolate(raw == null ? "" : raw, variables::get));
    }

    private String mapped(String value) {
        String result = value;
        for (var e : endpoints.entrySet()) result = result.replace(e.getKey(), e.getValue());
        List<Map.Entry<String, Path>> byLength = paths.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, Path> e) -> e.getKey().length()).reversed()).toList();
        for (var e : byLength) {
            if (result.equals(e.getKey()) || result.startsWith(e.getKey() + "/")) {
                return e.getValue() + result.substring(e.getKey().length());
            }
        }
        return result;
    }

    /** A container host name alone (the brokers' {@code --host}): its loopback address. */
    private String host(String containerHost) {
        String endpoint = endpoints.get(containerHost + ":" + ARTEMIS_PORT);
        return endpoint == null ? containerHost : endpoint.substring(0, endpoint.lastIndexOf(':'));
    }
}
