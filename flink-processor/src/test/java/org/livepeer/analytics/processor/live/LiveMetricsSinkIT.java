package org.livepeer.analytics.processor.live;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.serialization.SimpleStringSchema;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.livepeer.analytics.kafka.embedded.EmbeddedKafkaBroker;
import org.livepeer.analytics.testkit.TestProducer;
import org.livepeer.analytics.testkit.WithKafka;
import org.livepeer.analytics.testkit.flink.FlinkMiniCluster;

/**
 * The live-metrics sink delivers at least once across checkpoints without Flink's "Name collision"
 * warning for {@code pendingCommittables}, which a committer operator logs on every checkpoint.
 */
@WithKafka
class LiveMetricsSinkIT {

    @RegisterExtension static final MiniClusterExtension FLINK = FlinkMiniCluster.extension();

    private static final String IN = "sink-it-in";
    private static final String OUT = "sink-it-out";
    private static final int CHECKPOINTS = 4;

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final PrintStream stderr = System.err;
    private JobClient job;

    @AfterEach
    void stop() throws Exception {
        System.setErr(stderr);
        if (job != null) {
            job.cancel().get(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void deliversAcrossCheckpointsWithoutMetricNameCollisions(EmbeddedKafkaBroker broker)
            throws Exception {
        broker.createTopic(IN, 1, Map.of());
        broker.createTopic(OUT, 1, Map.of());
        // slf4j-simple (the tests' backend) writes to whatever System.err is at the time.
        System.setErr(new PrintStream(new Tee(stderr, log), true, StandardCharsets.UTF_8));
        Set<String> sent = send(broker, 20);
        CheckpointCounter.COMPLETED.set(0);
        job = startJob(broker);

        Set<String> received = new TreeSet<>();
        try (KafkaConsumer<String, String> consumer = consumer(broker)) {
            consumer.subscribe(List.of(OUT));
            await().atMost(Duration.ofSeconds(60))
                    .until(
                            () -> {
                                consumer.poll(Duration.ofMillis(200))
                                        .forEach(r -> received.add(r.value()));
                                return received.size() == sent.size()
                                        && CheckpointCounter.COMPLETED.get() >= CHECKPOINTS;
                            });
        }
        assertEquals(sent, received);
        String logged = log.toString(StandardCharsets.UTF_8);
        assertFalse(
                logged.contains("Name collision"),
                "metric name collision logged:\n"
                        + logged.lines()
                                .filter(l -> l.contains("Name collision"))
                                .findFirst()
                                .orElse(""));
    }

    private static JobClient startJob(EmbeddedKafkaBroker broker) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.enableCheckpointing(100, CheckpointingMode.AT_LEAST_ONCE);
        KafkaSource<String> source =
                KafkaSource.<String>builder()
                        .setBootstrapServers(broker.bootstrapServers())
                        .setTopics(IN)
                        .setGroupId("sink-it")
                        .setStartingOffsets(OffsetsInitializer.earliest())
                        .setValueOnlyDeserializer(new SimpleStringSchema())
                        .build();
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "in")
                .map(new CheckpointCounter())
                .sinkTo(LiveMetricsSink.create(broker.bootstrapServers(), Map.of(), OUT))
                .name("live-metrics")
                .uid("live-metrics-sink");
        return env.executeAsync("live-metrics-sink-it");
    }

    private static Set<String> send(EmbeddedKafkaBroker broker, int count) throws Exception {
        Set<String> sent = new TreeSet<>();
        try (TestProducer producer = TestProducer.connect(broker)) {
            for (int i = 0; i < count; i++) {
                String value = "message-" + i;
                producer.send(IN, value);
                sent.add(value);
            }
        }
        return sent;
    }

    private static KafkaConsumer<String, String> consumer(EmbeddedKafkaBroker broker) {
        return new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG, "sink-it-reader",
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(),
                new StringDeserializer());
    }

    /** Passes records through and counts the checkpoints completed in this JVM. */
    private static final class CheckpointCounter
            implements MapFunction<String, String>, CheckpointListener {
        private static final long serialVersionUID = 1L;
        static final AtomicInteger COMPLETED = new AtomicInteger();

        @Override
        public String map(String value) {
            return value;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            COMPLETED.incrementAndGet();
        }
    }

    /** Writes to two streams: the real stderr and the captured log. */
    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }
    }
}
