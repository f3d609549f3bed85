package org.livepeer.analytics.sqlcompat.grafana;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The repository's Grafana files outside the dashboards: the provisioned data source (its uid and
 * the pinned versions in its header) and the repository root (system property {@value
 * #ROOT_PROPERTY}).
 */
public final class GrafanaFiles {
    public static final String ROOT_PROPERTY = "sqlcompat.repository";

    private GrafanaFiles() {}

    public static Path root() {
        Path root = Path.of(System.getProperty(ROOT_PROPERTY, ""));
        if (!Files.isRegularFile(root.resolve("pom.xml"))) {
            throw new IllegalStateException(
                    "Repository root '"
                            + root
                            + "' (system property "
                            + ROOT_PROPERTY
                            + ") not found");
        }
        return root;
    }

    public static Path datasourceFile() {
        return root().resolve("grafana/provisioning/datasources/clickhouse.yaml");
    }

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first group of {@code regex} in {@code file}; fails naming both when absent. */
    public static String find(Path file, String regex) {
        Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(read(file));
        if (!m.find()) {
            throw new AssertionError(file + " has no match for " + regex);
        }
        return m.group(1);
    }

    /** The provisioned data source's fixed uid. */
    public static String datasourceUid() {
        return find(datasourceFile(), "^\\s+uid:\\s*(\\S+)\\s*$");
    }
}
