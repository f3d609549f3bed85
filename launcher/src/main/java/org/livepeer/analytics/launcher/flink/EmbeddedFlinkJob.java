package org.livepeer.analytics.launcher.flink;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.RecoveryClaimMode;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.state.rocksdb.RocksDBOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.livepeer.analytics.processor.ProcessorJob;
import org.livepeer.analytics.processor.config.ProcessorConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The processor job on an in-process MiniCluster, resuming from the newest snapshot under {@link
 * FlinkStateDirs} and stopping with a savepoint, so that a restart after Ctrl-C, a kill or a crash
 * continues where the last one left off: Kafka offsets and the dedup ids come back together.
 */
public final class EmbeddedFlinkJob {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedFlinkJob.class);
    private static final String LOOPBACK = "127.0.0.1";

    private final JobClient client;
    private final FlinkStateDirs dirs;
    private final Optional<Path> resumedFrom;

    private EmbeddedFlinkJob(JobClient client, FlinkStateDirs dirs, Optional<Path> resumedFrom) {
        this.client = client;
        this.dirs = dirs;
        this.resumedFrom = resumedFrom;
    }

    /**
     * Starts the job and waits until it runs. {@code config} must checkpoint into {@code dirs} (see
     * {@link #stateSettings}).
     */
    public static EmbeddedFlinkJob start(
            ProcessorConfig config, FlinkStateDirs dirs, Configuration cluster, Duration timeout)
            throws Exception {
        Optional<Path> resumeFrom = dirs.latestSnapshot();
        Configuration flink = new Configuration(cluster);
        bindToLoopback(flink);
        flink.set(RocksDBOptions.LOCAL_DIRECTORIES, dirs.rocksDbLocal().toString());
        // Whatever a killed run left there is stale: the state comes back from the snapshot.
        deleteTree(dirs.rocksDbLocal());
        if (resumeFrom.isPresent()) {
            flink.set(StateRecoveryOptions.SAVEPOINT_PATH, resumeFrom.get().toUri().toString());
            // The snapshot is ours: the new job owns it and deletes it once subsumed, so restarts
            // do not pile up full copies of the state.
            flink.set(StateRecoveryOptions.RESTORE_MODE, RecoveryClaimMode.CLAIM);
            // An operator removed by an upgrade (the live sink's committer) leaves state no
            // operator reads; every stateful operator has a stable uid, so only that is skipped
            // (docs/processor.md, "State, checkpoints and restarts").
            flink.set(StateRecoveryOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE, true);
        }
        JobClient client =
                ProcessorJob.start(
                        StreamExecutionEnvironment.createLocalEnvironment(flink), config);
        awaitRunning(client, timeout);
        return new EmbeddedFlinkJob(client, dirs, resumeFrom);
    }

    /**
     * Every listener of the MiniCluster on 127.0.0.1, none of them with authentication: the REST
     * endpoint (which can cancel the job or trigger savepoints; nothing of ours uses it, the
     * launcher stops the job through its {@link JobClient}) and the blob server, which binds to
     * {@code jobmanager.bind-host}, 0.0.0.0 unless set. The task manager's data port binds to its
     * {@code taskmanager.bind-host} (a single task manager opens none). The ports are random.
     */
    private static void bindToLoopback(Configuration flink) {
        flink.set(RestOptions.ADDRESS, LOOPBACK);
        flink.set(RestOptions.BIND_ADDRESS, LOOPBACK);
        flink.set(RestOptions.BIND_PORT, "0");
        flink.set(JobManagerOptions.BIND_HOST, LOOPBACK);
        flink.set(TaskManagerOptions.BIND_HOST, LOOPBACK);
    }

    /** The checkpoint and savepoint URIs for the processor's configuration. */
    public static StateSettings stateSettings(FlinkStateDirs dirs) {
        return new StateSettings(
                dirs.checkpoints().toUri().toString(), dirs.savepoints().toUri().toString());
    }

    /** Where the processor checkpoints and where savepoints go. */
    public record StateSettings(String checkpointDir, String savepointDir) {}

    public String jobId() {
        return client.getJobID().toString();
    }

    /** "resumed from chk-42" or "fresh state", for the status line. */
    public String describeStart() {
        return resumedFrom
                .map(p -> "resumed from " + dirs.root().relativize(p))
                .orElse("fresh state (no checkpoint yet)");
    }

    /**
     * Stops the job with a savepoint (the sink flushes, the offsets and dedup ids are saved); if
     * that fails in time, cancels it, which keeps the latest checkpoint for the next start.
     *
     * <p>The savepoint is in the canonical format, which later checkpoints never share files with.
     * A native one, claimed by the next run, lets that run's incremental checkpoints reuse its
     * RocksDB files under paths relative to the savepoint, which Flink 2.2.0 then resolves against
     * the checkpoint's own directory: the run after that cannot restore (FLINK-39964;
     * docs/processor.md, "Restarts").
     *
     * @return the savepoint's path, or empty when the job was cancelled instead
     */
    public Optional<String> stop(Duration timeout) {
        try {
            String savepoint =
                    client.stopWithSavepoint(
                                    false,
                                    dirs.savepoints().toUri().toString(),
                                    SavepointFormatType.CANONICAL)
                            .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return Optional.of(savepoint);
        } catch (Exception e) {
            LOG.warn(
                    "stop with savepoint failed ({}); cancelling, the next start resumes from the"
                            + " latest checkpoint",
                    e.toString());
            try {
                client.cancel().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception cancel) {
                LOG.warn("cancelling the job failed: {}", cancel.toString());
            }
            return Optional.empty();
        }
    }

    private static void awaitRunning(JobClient client, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        JobStatus status;
        while ((status = client.getJobStatus().get()) != JobStatus.RUNNING) {
            if (status.isGloballyTerminalState() || System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "the Flink job did not reach RUNNING (" + status + ")");
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
