package org.livepeer.analytics.processor.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.livepeer.analytics.event.samples.SampleFiles;
import org.livepeer.analytics.processor.route.EventRouter;
import org.livepeer.analytics.processor.route.Routed;
import org.livepeer.analytics.processor.row.SinkRow;
import org.livepeer.analytics.processor.source.KafkaEvent;
import org.livepeer.analytics.testkit.TestProducer;

/**
 * Produces the real samples with fresh ids (prefix + counter) and keeps the expected typed rows per
 * table, computed with the same router the job runs, so tests compare ClickHouse with exact counts.
 */
final class SampleLoad implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SAMPLES = SampleFiles.all();

    private final String prefix;
    private final String topic;
    private final TestProducer producer;
    private final Map<String, Long> expectedRows = new TreeMap<>();
    private final Map<String, Long> expectedIds = new TreeMap<>();
    private long produced;

    SampleLoad(String bootstrapServers, String topic, String prefix) {
        this.prefix = prefix;
        this.topic = topic;
        this.producer =
                TestProducer.connect(
                        bootstrapServers, Map.of(ProducerConfig.LINGER_MS_CONFIG, "5"));
    }

    /** Produces every sample once with new ids, {@code copies} times each; waits for the acks. */
    void produceRound(int copies) {
        for (String sample : SAMPLES) {
            byte[] value = withId(sample, prefix + "-" + produced++);
            expect(value);
            for (int c = 0; c < copies; c++) {
                producer.sendAsync(new ProducerRecord<>(topic, value));
            }
        }
        producer.flush();
    }

    /** Distinct events produced so far. */
    long distinctEvents() {
        return produced;
    }

    /** Typed rows per table that the distinct events must leave, once each. */
    Map<String, Long> expectedRows() {
        return expectedRows;
    }

    /** Distinct event ids per typed table. */
    Map<String, Long> expectedIds() {
        return expectedIds;
    }

    String likePattern() {
        return prefix + "-%";
    }

    static int samplesPerRound() {
        return SAMPLES.size();
    }

    private void expect(byte[] value) {
        Routed routed = new EventRouter().route(new KafkaEvent(value, topic, 0, 0, null), 0);
        if (routed.deadLetter() != null) {
            throw new IllegalStateException("a sample does not parse: " + routed.deadLetter());
        }
        Map<String, Long> tablesOfEvent = new TreeMap<>();
        for (SinkRow row : routed.typed()) {
            tablesOfEvent.merge(row.table, 1L, Long::sum);
        }
        tablesOfEvent.forEach(
                (table, rows) -> {
                    expectedRows.merge(table, rows, Long::sum);
                    expectedIds.merge(table, 1L, Long::sum);
                });
    }

    private static byte[] withId(String sample, String id) {
        try {
            ObjectNode event = (ObjectNode) JSON.readTree(sample);
            event.put("id", id);
            return JSON.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
