package org.livepeer.analytics.processor;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.state.rocksdb.RocksDBConfigurableOptions;
import org.apache.flink.state.rocksdb.RocksDBOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.livepeer.analytics.processor.config.ProcessorConfig;
import org.livepeer.analytics.processor.config.ProcessorKey;
import org.livepeer.analytics.processor.live.LiveMetricsConfig;
import org.livepeer.analytics.processor.live.LiveMetricsSink;
import org.livepeer.analytics.processor.sink.clickhouse.ClickHouseSink;
import org.livepeer.analytics.processor.source.EventSource;
import org.livepeer.analytics.processor.source.EventTimestamps;
import org.livepeer.analytics.processor.source.GatewayRejection;
import org.livepeer.analytics.processor.source.KafkaEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point: configuration → environment (checkpoints, restarts) → the real connectors (Kafka
 * sources, ClickHouse and live-metrics sinks) → {@link PipelineTopology} → execution.
 */
public final class ProcessorJob {

    public static final String JOB_NAME = "livepeer-analytics-processor";

    private static final Logger LOG = LoggerFactory.getLogger(ProcessorJob.class);

    private ProcessorJob() {}

    public static void main(String[] args) throws Exception {
        ProcessorConfig config = ProcessorConfig.fromEnv(System.getenv());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        define(env, config);
        env.execute(JOB_NAME);
    }

    /** Defines the job on {@code env} and submits it without waiting for it to finish. */
    public static JobClient start(StreamExecutionEnvironment env, ProcessorConfig config)
            throws Exception {
        define(env, config);
        return env.executeAsync(JOB_NAME);
    }

    /** Adds the whole job to {@code env}. */
    public static void define(StreamExecutionEnvironment env, ProcessorConfig config) {
        LOG.info("processor configuration: {}", config);
        env.setParallelism(config.parallelism());
        env.enableCheckpointing(config.checkpointIntervalMs(), CheckpointingMode.AT_LEAST_ONCE);
        env.configure(restartForever());
        env.configure(durableState(config.state(), env.getConfiguration()));
        ProcessorConfig.EventTime time = config.eventTime();
        DataStream<KafkaEvent> events =
                env.fromSource(
                                EventSource.create(config),
                                EventTimestamps.strategy(time.outOfOrderness(), time.idleness()),
                                "kafka-streaming-events")
                        .uid("kafka-streaming-events");
        DataStream<GatewayRejection> gatewayRejections =
                env.fromSource(
                                EventSource.gatewayRejections(config),
                                WatermarkStrategy.noWatermarks(),
                                "kafka-gateway-dlq")
                        .uid("kafka-gateway-dlq");
        LiveMetricsConfig live = config.live();
        PipelineTopology.build(
                events,
                gatewayRejections,
                new ClickHouseSink(config.sink()),
                live.enabled()
                        ? LiveMetricsSink.create(
                                config.kafkaBootstrapServers(),
                                config.kafkaProducer(),
                                live.topic())
                        : new DiscardingSink<>(),
                time.dedupTtl(),
                live);
    }

    /**
     * A failed batch fails the job; restarting from the last checkpoint re-reads the events instead
     * of losing them, so the job keeps restarting while the cause lasts.
     */
    private static Configuration restartForever() {
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, Integer.MAX_VALUE);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofSeconds(5));
        return conf;
    }

    /**
     * State on disk (RocksDB by default) with incremental checkpoints to durable storage, kept when
     * the job is cancelled so that the next start can resume from them
     * (docs/decisions/0005-durable-dedup-state.md). Without a checkpoint directory Flink would keep
     * checkpoints in JobManager memory, capped at 5 MiB: the job refuses to start instead.
     */
    public static Configuration durableState(ProcessorConfig.State state, ReadableConfig cluster) {
        Configuration conf = new Configuration();
        conf.set(StateBackendOptions.STATE_BACKEND, state.backend().flinkName());
        conf.set(RocksDBConfigurableOptions.USE_BLOOM_FILTER, true);
        // Without partitions each lookup that misses the block cache re-reads a whole file's
        // filter and index: the dedup fell from ~44,000 to ~2,700 events/s past 1.7 million ids
        // (docs/decisions/0005, "Soak").
        conf.set(RocksDBOptions.USE_PARTITIONED_INDEX_FILTERS, true);
        conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        if (!state.checkpointDir().isEmpty()) {
            conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, state.checkpointDir());
        } else if (cluster.getOptional(CheckpointingOptions.CHECKPOINTS_DIRECTORY).isEmpty()) {
            throw new IllegalArgumentException(
                    ProcessorKey.PROCESSOR_CHECKPOINT_DIR
                            + " must be set (file:///var/lib/livepeer-analytics/checkpoints,"
                            + " s3://bucket/checkpoints…) unless the Flink cluster sets "
                            + CheckpointingOptions.CHECKPOINTS_DIRECTORY.key()
                            + ": checkpoints in JobManager memory are capped at 5 MiB");
        }
        if (!state.savepointDir().isEmpty()) {
            conf.set(CheckpointingOptions.SAVEPOINT_DIRECTORY, state.savepointDir());
        }
        conf.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, true);
        conf.set(CheckpointingOptions.MAX_RETAINED_CHECKPOINTS, state.retained());
        conf.set(
                CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        return conf;
    }
}
