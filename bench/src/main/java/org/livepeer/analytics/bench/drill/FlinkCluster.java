package org.livepeer.analytics.bench.drill;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MetricOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.state.rocksdb.RocksDBOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.livepeer.analytics.processor.ProcessorJob;
import org.livepeer.analytics.processor.config.ProcessorConfig;
import org.livepeer.analytics.testkit.flink.JobRest;

/**
 * The processor job on a MiniCluster the drill holds, so that it can take the TaskManager away: one
 * TaskManager, REST on a free loopback port, RocksDB's working files under the home (as the
 * launcher's {@code EmbeddedFlinkJob} runs it), checkpoints where the configuration says.
 */
final class FlinkCluster implements AutoCloseable {

    /** How often the REST endpoint refreshes the metrics it serves (Flink's default is 10 s). */
    static final Duration METRICS_REFRESH = Duration.ofSeconds(1);

    private static final Duration RUNNING_TIMEOUT = Duration.ofMinutes(3);

    private final MiniCluster cluster;
    private final JobID job;
    private final JobRest rest;

    private FlinkCluster(MiniCluster cluster, JobID job, JobRest rest) {
        this.cluster = cluster;
        this.job = job;
        this.rest = rest;
    }

    /** Starts the cluster, submits the job and returns once a first checkpoint completed. */
    static FlinkCluster start(ProcessorConfig config, Path flinkHome) throws Exception {
        Configuration conf = new Configuration();
        conf.set(RestOptions.ADDRESS, "127.0.0.1");
        conf.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
        conf.set(RestOptions.BIND_PORT, "0");
        conf.set(MetricOptions.METRIC_FETCHER_UPDATE_INTERVAL, METRICS_REFRESH);
        conf.set(RocksDBOptions.LOCAL_DIRECTORIES, flinkHome.resolve("rocksdb").toString());
        MiniCluster cluster =
                new MiniCluster(
                        new MiniClusterConfiguration.Builder()
                                .setConfiguration(conf)
                                .setNumTaskManagers(1)
                                .setNumSlotsPerTaskManager(config.parallelism())
                                .build());
        cluster.start();
        try {
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            ProcessorJob.define(env, config);
            StreamGraph graph = env.getStreamGraph();
            graph.setJobName(ProcessorJob.JOB_NAME);
            JobID job = cluster.submitJob(graph).get(60, TimeUnit.SECONDS).getJobID();
            FlinkCluster flink =
                    new FlinkCluster(
                            cluster,
                            job,
                            new JobRest(cluster.getRestAddress().get().toString(), job.toString()));
            flink.awaitRunningWithCheckpoint(0);
            return flink;
        } catch (Exception e) {
            cluster.close();
            throw e;
        }
    }

    /**
     * A real failure: the only TaskManager is shut down (its tasks fail, their buffers and state
     * are lost) and a new one is started; the job's restart strategy must bring the job back from
     * its last checkpoint by itself. Returns once the job runs again.
     */
    void replaceTaskManager() throws Exception {
        cluster.terminateTaskManager(0).get(60, TimeUnit.SECONDS);
        cluster.startTaskManager();
    }

    /** Waits until the job runs and more than {@code completedBefore} checkpoints completed. */
    void awaitRunningWithCheckpoint(long completedBefore) throws Exception {
        long deadline = System.nanoTime() + RUNNING_TIMEOUT.toNanos();
        while (true) {
            JobStatus status = cluster.getJobStatus(job).get(10, TimeUnit.SECONDS);
            if (status.isGloballyTerminalState()) {
                throw new IllegalStateException("the Flink job ended: " + status);
            }
            if (status == JobStatus.RUNNING
                    && rest.completedCheckpointsOrZero() > completedBefore) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the Flink job is " + status + " after the wait");
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
    }

    JobRest rest() {
        return rest;
    }

    /**
     * The REST endpoint answers metrics from a cache that a request only schedules to refresh
     * (every {@link #METRICS_REFRESH} at most): asks once, waits, so that the next answers are
     * current.
     */
    void refreshMetrics() throws InterruptedException {
        rest.restarts();
        rest.sumOfOperatorMetrics(DrillRun.SINK_RETRIES);
        Thread.sleep(3 * METRICS_REFRESH.toMillis());
    }

    @Override
    public void close() throws Exception {
        try {
            cluster.cancelJob(job).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            DrillLog.say("cancelling the Flink job: " + e);
        }
        cluster.close();
    }
}
