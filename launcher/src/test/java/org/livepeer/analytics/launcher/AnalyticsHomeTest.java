package org.livepeer.analytics.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyticsHomeTest {

    @TempDir Path tmp;

    @Test
    void aFreshHomeAndItsComponentDirectoriesAreOwnerOnly() throws Exception {
        Path home = tmp.resolve("parent/home");

        AnalyticsHome.prepare(home);

        assertEquals("rwx------", permissions(home));
        for (String dir : AnalyticsHome.COMPONENT_DIRS) {
            assertEquals("rwx------", permissions(home.resolve(dir)), dir);
        }
    }

    @Test
    void aHomeLeftWiderByAnEarlierVersionIsNarrowed() throws Exception {
        Path home = Files.createDirectory(tmp.resolve("home"));
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path kafka = Files.createDirectory(home.resolve("kafka"));
        Files.setPosixFilePermissions(kafka, PosixFilePermissions.fromString("rwxr-xr-x"));

        AnalyticsHome.prepare(home);

        assertEquals("rwx------", permissions(home));
        assertEquals("rwx------", permissions(kafka));
    }

    /**
     * The lines are read while the file is being written: at that moment every file in the
     * directory must already be owner-only. A plain create would give it the process' umask
     * permissions until a chmod afterwards.
     */
    @Test
    void aSecretsFileIsOwnerOnlyFromItsCreation() throws Exception {
        assumeTrue(
                permissions(Files.createFile(tmp.resolve("probe"))).contains("r--"),
                "the umask already keeps others out; nothing to tell apart");
        Path dir = Files.createDirectory(tmp.resolve("home"));
        List<String> seenWhileWriting = new ArrayList<>();
        Iterable<String> lines =
                () -> {
                    seenWhileWriting.addAll(permissionsOfFilesIn(dir));
                    return List.of("A=1", "B=2").iterator();
                };

        AnalyticsHome.writeOwnerOnly(dir.resolve(Credentials.USER_FILE), lines);

        assertEquals(1, seenWhileWriting.size(), "one file being written: " + seenWhileWriting);
        assertTrue(seenWhileWriting.get(0).startsWith("rw------- "), seenWhileWriting.get(0));
        assertEquals(List.of("rw------- credentials.env"), permissionsOfFilesIn(dir));
        assertEquals(List.of("A=1", "B=2"), Files.readAllLines(dir.resolve("credentials.env")));
    }

    @Test
    void aWiderFileLeftByAnEarlierVersionIsReplacedByAnOwnerOnlyOne() throws Exception {
        Path file = tmp.resolve(Credentials.USER_FILE);
        Files.writeString(file, "OLD=1\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        AnalyticsHome.writeOwnerOnly(file, List.of("NEW=2"));

        assertEquals(List.of("NEW=2"), Files.readAllLines(file));
        assertEquals(List.of("rw------- credentials.env"), permissionsOfFilesIn(tmp));
    }

    private static List<String> permissionsOfFilesIn(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .sorted()
                    .map(f -> permissions(f) + " " + f.getFileName())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String permissions(Path p) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
