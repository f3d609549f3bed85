package org.livepeer.analytics.clickhouse.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClasspathMigrationsTest {
    @TempDir Path tmp;

    @Test
    void findsTheProjectMigrationsInVersionOrder() {
        List<Migration> all =
                ClasspathMigrations.load(
                        getClass().getClassLoader(), Migrator.DEFAULT_RESOURCE_PREFIX);
        assertEquals("V001__raw_archive_and_dlq", all.get(0).label());
        for (int i = 1; i < all.size(); i++) {
            assertTrue(all.get(i - 1).version() < all.get(i).version());
        }
    }

    @Test
    void readsADirectoryAndIgnoresOtherFiles() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("classes/set"));
        Files.writeString(dir.resolve("V002__b.sql"), "SELECT 2;");
        Files.writeString(dir.resolve("V001__a.sql"), "SELECT 1;");
        Files.writeString(dir.resolve("README.md"), "not a migration");
        try (URLClassLoader loader = loader(tmp.resolve("classes"))) {
            List<Migration> all = ClasspathMigrations.load(loader, "set");
            assertEquals(
                    List.of("V001__a", "V002__b"), all.stream().map(Migration::label).toList());
        }
    }

    @Test
    void readsAJar() throws IOException {
        Path jar = tmp.resolve("migrations.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("set/"));
            entry(out, "set/V010__ten.sql", "SELECT 10;\nSELECT 11;\n");
            entry(out, "set/V003__three.sql", "SELECT 3;");
            entry(out, "set/nested/V004__deeper.sql", "SELECT 4;");
            entry(out, "other/V005__elsewhere.sql", "SELECT 5;");
        }
        try (URLClassLoader loader = loader(jar)) {
            List<Migration> all = ClasspathMigrations.load(loader, "set");
            assertEquals(
                    List.of("V003__three", "V010__ten"),
                    all.stream().map(Migration::label).toList());
            assertEquals(2, all.get(1).statements().size());
        }
    }

    @Test
    void refusesTwoFilesWithOneVersion() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("dup/set"));
        Files.writeString(dir.resolve("V001__a.sql"), "SELECT 1;");
        Files.writeString(dir.resolve("V001__b.sql"), "SELECT 1;");
        try (URLClassLoader loader = loader(tmp.resolve("dup"))) {
            MigrationException e =
                    assertThrows(
                            MigrationException.class,
                            () -> ClasspathMigrations.load(loader, "set"));
            assertTrue(e.getMessage().contains("version 1"), e.getMessage());
        }
    }

    @Test
    void anEmptyOrMissingFolderIsAnError() throws IOException {
        try (URLClassLoader loader = loader(tmp)) {
            assertThrows(
                    MigrationException.class,
                    () -> ClasspathMigrations.load(loader, "nothing-here"));
        }
    }

    private static URLClassLoader loader(Path root) throws IOException {
        return new URLClassLoader(new URL[] {root.toUri().toURL()}, null);
    }

    private static void entry(JarOutputStream out, String name, String text) throws IOException {
        out.putNextEntry(new JarEntry(name));
        OutputStream body = out;
        body.write(text.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }
}
