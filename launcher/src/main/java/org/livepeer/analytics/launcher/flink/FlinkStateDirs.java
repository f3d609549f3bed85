package org.livepeer.analytics.launcher.flink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The embedded job's state under {@code ANALYTICS_HOME/flink}: retained checkpoints ({@code
 * checkpoints/<job id>/chk-<n>/_metadata}), savepoints taken on a clean stop ({@code
 * savepoints/savepoint-…/_metadata}) and RocksDB's working files. A snapshot counts only once its
 * {@code _metadata} file exists: Flink writes it last, so a checkpoint cut short by a crash is
 * never picked (docs/processor.md, "Restarts").
 */
public record FlinkStateDirs(Path root) {

    private static final String METADATA = "_metadata";

    public static FlinkStateDirs under(Path analyticsHome) {
        return new FlinkStateDirs(analyticsHome.resolve("flink"));
    }

    public Path checkpoints() {
        return root.resolve("checkpoints");
    }

    public Path savepoints() {
        return root.resolve("savepoints");
    }

    /** RocksDB's local working copy: rebuilt from the snapshot on every start. */
    public Path rocksDbLocal() {
        return root.resolve("rocksdb");
    }

    /** The newest complete checkpoint or savepoint, the one a restart resumes from. */
    public Optional<Path> latestSnapshot() {
        return Stream.concat(
                        snapshots(checkpoints(), 2, "chk-"),
                        snapshots(savepoints(), 1, "savepoint-"))
                .max(Comparator.comparing(FlinkStateDirs::completedAt));
    }

    private static Stream<Path> snapshots(Path dir, int depth, String prefix) {
        if (!Files.isDirectory(dir)) {
            return Stream.empty();
        }
        try (Stream<Path> found = Files.find(dir, depth, (p, a) -> a.isDirectory())) {
            return found
                    .filter(p -> p.getFileName().toString().startsWith(prefix))
                    .filter(p -> Files.isRegularFile(p.resolve(METADATA)))
                    .toList()
                    .stream();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static FileTime completedAt(Path snapshot) {
        try {
            return Files.getLastModifiedTime(snapshot.resolve(METADATA));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + snapshot.resolve(METADATA), e);
        }
    }
}
