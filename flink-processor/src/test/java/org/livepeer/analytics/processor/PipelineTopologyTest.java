package org.livepeer.analytics.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.flink.api.dag.Transformation;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.livepeer.analytics.processor.config.ProcessorConfig;

/**
 * Pins the uids of the production job's operators. Flink matches the state of a checkpoint or a
 * savepoint to operators by uid: renaming one silently drops its state (the dedup ids, the Kafka
 * offsets, the owed rollup hours) on the next restore. A change here must be a deliberate one, with
 * an upgrade note (docs/processor.md, "State, checkpoints and restarts").
 */
class PipelineTopologyTest {

    /** Every uid the job sets, with live metrics on (the default). */
    static final Set<String> PRODUCTION_UIDS =
            Set.of(
                    "kafka-streaming-events",
                    "kafka-gateway-dlq",
                    "route-parse-dedup",
                    "gateway-dead-letters",
                    "clickhouse-sink",
                    "live-watermarks",
                    "live-stream-state",
                    "live-scopes",
                    "live-combine",
                    "live-windows",
                    "live-metrics-sink",
                    "live-late-events",
                    "live-late-discard");

    @Test
    void theProductionJobSetsExactlyTheseUids() {
        assertEquals(new TreeSet<>(PRODUCTION_UIDS), uids(Map.of()));
    }

    @Test
    void withoutLiveMetricsTheRowBranchKeepsItsUids() {
        assertEquals(
                Set.of(
                        "kafka-streaming-events",
                        "kafka-gateway-dlq",
                        "route-parse-dedup",
                        "gateway-dead-letters",
                        "clickhouse-sink"),
                uids(Map.of("LIVE_METRICS_ENABLED", "false")));
    }

    /** The uids set on the transformations {@link ProcessorJob#define} adds, sources included. */
    private static Set<String> uids(Map<String, String> extraEnv) {
        Map<String, String> env =
                new HashMap<>(Map.of("PROCESSOR_CHECKPOINT_DIR", "file:///tmp/unused"));
        env.putAll(extraEnv);
        StreamExecutionEnvironment flink = StreamExecutionEnvironment.getExecutionEnvironment();
        ProcessorJob.define(flink, ProcessorConfig.fromEnv(env));
        Set<Transformation<?>> all = new HashSet<>();
        for (Transformation<?> t : flink.getTransformations()) {
            collect(t, all);
        }
        return all.stream()
                .map(Transformation::getUid)
                .filter(uid -> uid != null)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static void collect(Transformation<?> t, Set<Transformation<?>> into) {
        if (into.add(t)) {
            List<Transformation<?>> inputs = t.getInputs();
            inputs.forEach(input -> collect(input, into));
        }
    }
}
