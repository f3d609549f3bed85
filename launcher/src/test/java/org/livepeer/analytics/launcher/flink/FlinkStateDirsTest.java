package org.livepeer.analytics.launcher.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlinkStateDirsTest {

    @TempDir Path home;

    @Test
    void nothingToResumeFromOnAFreshHome() {
        assertTrue(FlinkStateDirs.under(home).latestSnapshot().isEmpty());
    }

    @Test
    void theNewestCompleteSnapshotWinsWhetherCheckpointOrSavepoint() throws IOException {
        FlinkStateDirs dirs = FlinkStateDirs.under(home);
        Path oldCheckpoint = snapshot(dirs.checkpoints().resolve("job-a/chk-7"), 1_000);
        Path savepoint = snapshot(dirs.savepoints().resolve("savepoint-1a2b-3c4d"), 2_000);
        assertEquals(Optional.of(savepoint), dirs.latestSnapshot());

        Path newer = snapshot(dirs.checkpoints().resolve("job-b/chk-3"), 3_000);
        assertEquals(Optional.of(newer), dirs.latestSnapshot());
        assertTrue(Files.exists(oldCheckpoint));
    }

    @Test
    void aCheckpointWithoutMetadataWasCutShortAndIsSkipped() throws IOException {
        FlinkStateDirs dirs = FlinkStateDirs.under(home);
        Path complete = snapshot(dirs.checkpoints().resolve("job-a/chk-4"), 1_000);
        // Killed while writing chk-5: its files exist, its _metadata does not.
        Files.createDirectories(dirs.checkpoints().resolve("job-a/chk-5"));
        Files.writeString(dirs.checkpoints().resolve("job-a/chk-5/part-0"), "partial");
        // Incremental checkpoints' shared files are not snapshots either.
        Files.createDirectories(dirs.checkpoints().resolve("job-a/shared"));
        assertEquals(Optional.of(complete), dirs.latestSnapshot());
    }

    private static Path snapshot(Path dir, long mtimeMs) throws IOException {
        Files.createDirectories(dir);
        Path metadata = Files.writeString(dir.resolve("_metadata"), "m");
        Files.setLastModifiedTime(metadata, FileTime.fromMillis(mtimeMs));
        return dir;
    }
}
