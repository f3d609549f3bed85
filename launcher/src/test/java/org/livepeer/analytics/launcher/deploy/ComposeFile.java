package org.livepeer.analytics.launcher.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * compose.yaml as compose reads it: anchors and merge keys ({@code <<: *processor-env}) resolved by
 * SnakeYAML, {@code ${VAR}}, {@code ${VAR:-default}} and {@code ${VAR:?message}} interpolated from
 * .env.example (docs/operations.md, "Deploy with compose"). Comments are not values, so a {@code
 * ${VAR}} in a comment counts for nothing.
 */
final class ComposeFile {

    static final Path ROOT = Path.of("..");
    static final Path COMPOSE = ROOT.resolve("compose.yaml");
    static final Path ENV_EXAMPLE = ROOT.resolve(".env.example");

    private static final Pattern INTERPOLATION =
            Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}");
    private static final Pattern ENV_LINE = Pattern.compile("^([A-Z_][A-Z0-9_]*)=(.*)$");

    private final Map<String, Object> root;
    private final Map<String, String> envExample;

    private ComposeFile(Map<String, Object> root, Map<String, String> envExample) {
        this.root = root;
        this.envExample = envExample;
    }

    static ComposeFile read() throws IOException {
        return parse(Files.readString(COMPOSE), Files.readAllLines(ENV_EXAMPLE));
    }

    static ComposeFile parse(String compose, List<String> envExampleLines) {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : envExampleLines) {
            Matcher m = ENV_LINE.matcher(line);
            if (m.matches()) {
                env.put(m.group(1), m.group(2));
            }
        }
        return new ComposeFile(asMap(yaml.load(compose), "compose.yaml"), env);
    }

    /** Service name → its definition, in file order. */
    Map<String, Map<String, Object>> services() {
        Map<String, Map<String, Object>> services = new LinkedHashMap<>();
        asMap(root.get("services"), "services")
                .forEach((name, def) -> services.put(name, asMap(def, "service " + name)));
        return services;
    }

    /** The service's environment, names → values as written (before interpolation). */
    Map<String, String> environment(String service) {
        Object env = services().get(service).get("environment");
        Map<String, String> vars = new TreeMap<>();
        if (env instanceof Map<?, ?> map) {
            map.forEach((k, v) -> vars.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        } else if (env instanceof List<?> list) {
            for (Object entry : list) {
                String[] kv = String.valueOf(entry).split("=", 2);
                vars.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        return vars;
    }

    /** The variables .env.example sets (commented lines excluded). */
    Map<String, String> envExample() {
        return envExample;
    }

    /** Every {@code ${VAR}} in any value of compose.yaml, keys of maps included. */
    Set<String> interpolatedVariables() {
        Set<String> vars = new LinkedHashSet<>();
        collectStrings(root, s -> vars.addAll(variablesIn(s)));
        return vars;
    }

    static List<String> variablesIn(String value) {
        List<String> vars = new ArrayList<>();
        Matcher m = INTERPOLATION.matcher(value.replace("$$", ""));
        while (m.find()) {
            vars.add(m.group(1));
        }
        return vars;
    }

    /** The value as compose would see it with .env.example as the .env file. */
    String interpolate(String value) {
        Matcher m = INTERPOLATION.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String set = envExample.getOrDefault(m.group(1), "");
            boolean useDefault = "-".equals(m.group(2)) || ":-".equals(m.group(2));
            String resolved = set.isEmpty() && useDefault ? m.group(3) : set;
            m.appendReplacement(out, Matcher.quoteReplacement(resolved));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static void collectStrings(Object node, Consumer<String> sink) {
        if (node instanceof Map<?, ?> map) {
            map.forEach(
                    (k, v) -> {
                        collectStrings(k, sink);
                        collectStrings(v, sink);
                    });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collectStrings(item, sink));
        } else if (node instanceof String s) {
            sink.accept(s);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object node, String what) {
        if (!(node instanceof Map<?, ?>)) {
            throw new IllegalStateException(what + " is not a mapping: " + node);
        }
        return (Map<String, Object>) node;
    }
}
