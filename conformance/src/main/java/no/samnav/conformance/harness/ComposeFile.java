package no.samnav.conformance.harness;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * {@code docker/compose.yml} as the cluster harness reads it: services, their environment, volumes
 * and {@code artemis create} arguments, with Compose's variable interpolation ({@code ${VAR}},
 * {@code ${VAR:-default}}, {@code ${VAR-default}}, {@code ${VAR:?error}}, {@code ${VAR?error}},
 * {@code $$}). YAML anchors and merge keys are resolved by SnakeYAML.
 */
public final class ComposeFile {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}");

    private final Path file;
    private final Map<String, Object> root;

    private ComposeFile(Path file, Map<String, Object> root) {
        this.file = file;
        this.root = root;
    }

    public static ComposeFile read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file)) {
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            if (root == null || !(root.get("services") instanceof Map)) {
                throw new IllegalArgumentException(file + " has no services");
            }
            return new ComposeFile(file, root);
        }
    }

    /** The folder of the compose file; relative volume sources are resolved against it. */
    public Path directory() {
        return file.toAbsolutePath().getParent();
    }

    public List<String> serviceNames() {
        return new ArrayList<>(services().keySet());
    }

    /** The services that run the gateway image ({@code image: samnav/gateway:…}). */
    public List<String> gatewayServices() {
        return serviceNames().stream().filter(s -> string(service(s).get("image")).startsWith("samnav/gateway")).toList();
    }

    /** One service's definition, merge keys resolved. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> service(String name) {
        Object service = services().get(name);
        if (!(service instanceof Map)) throw new IllegalArgumentException("no service " + name + " in " + file);
        return (Map<String, Object>) service;
    }

    /** A service's environment as written (map or {@code KEY=value} list form), not yet interpolated. */
    @SuppressWarnings("unchecked")
    public Map<String, String> environment(String service) {
        Object env = service(service).get("environment");
        Map<String, String> result = new LinkedHashMap<>();
        if (env instanceof Map<?, ?> map) {
            ((Map<String, Object>) map).forEach((k, v) -> result.put(k, v == null ? "" : String.valueOf(v)));
        } else if (env instanceof List<?> list) {
            for (Object entry : list) {
                String s = String.valueOf(entry);
                int eq = s.indexOf('=');
                result.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? "" : s.substring(eq + 1));
            }
        }
        return result;
    }

    /** A service's volumes in short form ({@code source:target[:mode]}). */
    public List<String> volumes(String service) {
        Object volumes = service(service).get("volumes");
        if (volumes == null) return List.of();
        return ((List<?>) volumes).stream().map(String::valueOf).toList();
    }

    /** Top-level (named) volumes. */
    public List<String> namedVolumes() {
        Object volumes = root.get("volumes");
        return volumes instanceof Map<?, ?> map ? map.keySet().stream().map(String::valueOf).toList() : List.of();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> services() {
        return (Map<String, Object>) root.get("services");
    }

    /**
     * Compose's interpolation of one value: {@code variables} gives the values set; unset ones take
     * their default; an unset required one ({@code :?}) is an error, as for {@code docker compose}.
     */
    public static String interpolate(String value, Function<String, String> variables) {
        Matcher m = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group().equals("$$")) {
                replacement = "$";
            } else {
                String name = m.group(1);
                String op = m.group(2);
                String arg = m.group(3);
                String set = variables.apply(name);
                boolean emptyCounts = op != null && op.startsWith(":");
                boolean missing = set == null || (emptyCounts && set.isEmpty());
                if (op == null) {
                    replacement = set == null ? "" : set;
                } else if (op.endsWith("-")) {
                    replacement = missing ? interpolate(arg, variables) : set;
                } else {
                    if (missing) throw new IllegalArgumentException("variable " + name + " is required: " + arg);
                    replacement = set;
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String string(Object o) {
        return o == null ? "" : String.valueOf(o);
    }
}
