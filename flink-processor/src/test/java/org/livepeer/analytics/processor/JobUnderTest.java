package org.livepeer.analytics.processor;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.livepeer.analytics.clickhouse.server.ClickHouseServerProcess;
import org.livepeer.analytics.clickhouse.server.ClickHouseServerSettings;
import org.livepeer.analytics.processor.config.ProcessorConfig;

/**
 * The processor job as the ITs run it: its settings given as the environment a deployment would
 * (docs/configuration.md), against a real broker and ClickHouse server, checkpoints every 500 ms.
 */
public final class JobUnderTest {

    private JobUnderTest() {}

    /**
     * The settings every IT shares, for one topic (its DLQ topic and consumer group are named after
     * it); the test adds or overrides its own in the returned, mutable map.
     */
    public static Map<String, String> env(
            String bootstrapServers,
            String topic,
            ClickHouseServerProcess clickhouse,
            Path checkpoints) {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        env.put("EVENTS_TOPIC", topic);
        env.put("DLQ_TOPIC", topic + "-dlq");
        env.put("PROCESSOR_GROUP_ID", "processor-" + topic);
        env.put("CLICKHOUSE_URL", clickhouse.httpUrl());
        env.put("CLICKHOUSE_WRITER_USER", ClickHouseServerSettings.WRITER_USER);
        env.put("CLICKHOUSE_WRITER_PASSWORD", clickhouse.writer().password());
        env.put("PROCESSOR_CHECKPOINT_INTERVAL_MS", "500");
        env.put("PROCESSOR_CHECKPOINT_DIR", checkpoints.toUri().toString());
        return env;
    }

    /** Submits the job to the MiniCluster of the test (its extension's environment). */
    public static JobClient start(Map<String, String> env) throws Exception {
        return start(new Configuration(), env);
    }

    /** The same with Flink settings of the test's own (restart strategy, state backend…). */
    public static JobClient start(Configuration flink, Map<String, String> env) throws Exception {
        return ProcessorJob.start(
                StreamExecutionEnvironment.getExecutionEnvironment(flink),
                ProcessorConfig.fromEnv(env));
    }
}
