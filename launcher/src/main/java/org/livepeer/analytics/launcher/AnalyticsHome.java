package org.livepeer.analytics.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;

/**
 * ANALYTICS_HOME, readable by its owner only: it holds the credentials, Kafka's log, ClickHouse's
 * data and the Flink state. The child processes and libraries create their files with the process'
 * umask (Java cannot set it), so the directories above them are what keeps others out.
 */
final class AnalyticsHome {

    static final Set<PosixFilePermission> OWNER_ONLY_DIR =
            PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> OWNER_ONLY_FILE =
            PosixFilePermissions.fromString("rw-------");

    /** The directories under ANALYTICS_HOME the launcher hands to its components. */
    static final List<String> COMPONENT_DIRS = List.of("kafka", "clickhouse", "flink");

    private AnalyticsHome() {}

    /**
     * Creates {@code home} and its component directories owner-only (0700), or narrows them to that
     * when an earlier version left them wider.
     */
    static void prepare(Path home) {
        ownerOnlyDirectory(home);
        for (String dir : COMPONENT_DIRS) {
            ownerOnlyDirectory(home.resolve(dir));
        }
    }

    /**
     * Writes {@code lines} to {@code file} (0600), never leaving it readable by others, not even
     * while it is written: the text goes to a temp file created 0600 beside it, which then replaces
     * {@code file} in one rename.
     */
    static void writeOwnerOnly(Path file, Iterable<String> lines) {
        Path temp = null;
        try {
            temp =
                    Files.createTempFile(
                            file.getParent(),
                            "." + file.getFileName(),
                            ".tmp",
                            PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
            Files.write(temp, lines, StandardCharsets.UTF_8);
            Files.move(
                    temp,
                    file,
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void ownerOnlyDirectory(Path dir) {
        try {
            if (Files.isDirectory(dir)) {
                Files.setPosixFilePermissions(dir, OWNER_ONLY_DIR);
            } else {
                Files.createDirectories(dir.toAbsolutePath().getParent());
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make " + dir + " readable by its owner only", e);
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // The write failed already; that is the error worth reporting.
        }
    }
}
