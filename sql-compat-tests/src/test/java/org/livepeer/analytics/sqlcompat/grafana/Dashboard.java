package org.livepeer.analytics.sqlcompat.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** One dashboard file of {@code grafana/dashboards/} (system property {@value #PROPERTY}). */
public record Dashboard(String file, JsonNode json) {
    public static final String PROPERTY = "sqlcompat.dashboards";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One query of one panel. */
    public record Target(
            Dashboard dashboard, int panelId, String panelTitle, String refId, JsonNode json) {
        public String rawSql() {
            return json.path("rawSql").asText("");
        }

        @Override
        public String toString() {
            return dashboard.file() + " #" + panelId + " " + panelTitle + " [" + refId + "]";
        }
    }

    /** A query template variable: its name and the SQL that lists its values. */
    public record Variable(String name, String type, JsonNode json) {
        public String query() {
            return json.path("query").asText("");
        }
    }

    public static List<Dashboard> loadAll() {
        return loadAll(Path.of(System.getProperty(PROPERTY, "")));
    }

    public static List<Dashboard> loadAll(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException(
                    "Dashboards folder '" + dir + "' (system property " + PROPERTY + ") not found");
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Dashboard> out = new ArrayList<>();
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                out.add(parse(f.getFileName().toString(), Files.readString(f)));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Dashboard parse(String file, String text) {
        try {
            return new Dashboard(file, JSON.readTree(text));
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " is not JSON: " + e.getMessage(), e);
        }
    }

    /** Top-level panels, and the panels inside collapsed rows. */
    public List<JsonNode> panels() {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode p : json.path("panels")) {
            out.add(p);
            p.path("panels").forEach(out::add);
        }
        return out;
    }

    public List<Target> targets() {
        List<Target> out = new ArrayList<>();
        for (JsonNode p : panels()) {
            for (JsonNode t : p.path("targets")) {
                out.add(
                        new Target(
                                this,
                                p.path("id").asInt(),
                                p.path("title").asText(),
                                t.path("refId").asText(),
                                t));
            }
        }
        return out;
    }

    public List<Variable> variables() {
        List<Variable> out = new ArrayList<>();
        for (JsonNode v : json.path("templating").path("list")) {
            out.add(new Variable(v.path("name").asText(), v.path("type").asText(), v));
        }
        return out;
    }

    public List<Variable> queryVariables() {
        return variables().stream().filter(v -> "query".equals(v.type())).toList();
    }

    @Override
    public String toString() {
        return file;
    }
}
