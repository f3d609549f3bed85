package org.livepeer.analytics.clickhouse.schema;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds {@code V###__name.sql} files directly under a classpath folder, in directories (IDE, {@code
 * target/classes}) and in jars alike, so no build-time index is needed.
 */
final class ClasspathMigrations {
    private ClasspathMigrations() {}

    /** All migrations under {@code prefix} on the class path, in version order. */
    static List<Migration> load(ClassLoader loader, String prefix) {
        TreeMap<Integer, Migration> byVersion = new TreeMap<>();
        List<URL> roots;
        try {
            roots = Collections.list(loader.getResources(prefix));
        } catch (IOException e) {
            throw new MigrationException("Cannot list classpath:" + prefix, e);
        }
        for (URL root : roots) {
            for (Migration m : readRoot(root, prefix)) {
                Migration clash = byVersion.putIfAbsent(m.version(), m);
                if (clash != null) {
                    throw new MigrationException(
                            "Two migrations with version "
                                    + m.version()
                                    + " under classpath:"
                                    + prefix
                                    + ": "
                                    + clash.label()
                                    + " and "
                                    + m.label());
                }
            }
        }
        if (byVersion.isEmpty()) {
            throw new MigrationException(
                    "No V###__name.sql migrations found under classpath:" + prefix);
        }
        return List.copyOf(byVersion.values());
    }

    private static List<Migration> readRoot(URL root, String prefix) {
        try {
            return switch (root.getProtocol()) {
                case "file" -> readDirectory(Path.of(root.toURI()));
                case "jar" -> readJar((JarURLConnection) root.openConnection(), prefix);
                default ->
                        throw new MigrationException(
                                "Cannot list migrations in "
                                        + root
                                        + " (unsupported URL protocol)");
            };
        } catch (IOException | URISyntaxException e) {
            throw new MigrationException("Cannot read migrations from " + root, e);
        }
    }

    private static List<Migration> readDirectory(Path dir) throws IOException {
        List<Migration> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted(Comparator.naturalOrder()).toList()) {
                String name = file.getFileName().toString();
                if (Migration.FILE_NAME.matcher(name).matches()) {
                    out.add(Migration.parse(name, Files.readString(file, StandardCharsets.UTF_8)));
                }
            }
        }
        return out;
    }

    private static List<Migration> readJar(JarURLConnection connection, String prefix)
            throws IOException {
        connection.setUseCaches(false);
        String folder = prefix.endsWith("/") ? prefix : prefix + "/";
        List<Migration> out = new ArrayList<>();
        try (JarFile jar = connection.getJarFile()) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                String rest =
                        entry.getName().startsWith(folder)
                                ? entry.getName().substring(folder.length())
                                : "";
                if (Migration.FILE_NAME.matcher(rest).matches()) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        out.add(
                                Migration.parse(
                                        rest,
                                        new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                    }
                }
            }
        }
        return out;
    }
}
