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
 * (docs/configuration.md), against a real broker and ClickHouse server, checkpoints every 500 ms,
 * submitted to the test's MiniCluster. One topic; its DLQ topic and consumer group are named after
 * it. A test adds its own settings with {@link #with}.
 */
public final class JobUnderTest {

    private final Map<String, String> env = new HashMap<>();
    private Configuration flink = new Configuration();

    private JobUnderTest() {}

    public static JobUnderTest on(
            String bootstrapServers,
            String topic,
            ClickHouseServerProcess clickhouse,
            Path checkpoints) {
        return new JobUnderTest()
                .with("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers)
                .with("EVENTS_TOPIC", topic)
                .with("DLQ_TOPIC", topic + "-dlq")
                .with("PROCESSOR_GROUP_ID", "processor-" + topic)
                .with("CLICKHOUSE_URL", clickhouse.httpUrl())
                .with("CLICKHOUSE_WRITER_USER", ClickHouseServerSettings.WRITER_USER)
                .with("CLICKHOUSE_WRITER_PASSWORD", clickhouse.writer().password())
                .with("PROCESSOR_CHECKPOINT_INTERVAL_MS", "500")
                .with("PROCESSOR_CHECKPOINT_DIR", checkpoints.toUri().toString());
    }

    /** One more environment variable, or another value for one set above. */
    public JobUnderTest with(String variable, String value) {
        env.put(variable, value);
        return this;
    }

    /** Flink settings of the test's own (restart strategy, failure injection…). */
    public JobUnderTest withFlink(Configuration conf) {
        this.flink = conf;
        return this;
    }

    public JobClient start() throws Exception {
        return ProcessorJob.start(
                StreamExecutionEnvironment.getExecutionEnvironment(flink),
                ProcessorConfig.fromEnv(env));
    }
}
