package org.livepeer.analytics.processor.state;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
 * Many distinct events, fast: the per-stream samples (status, ingest, trace, stream events) and
 * payments in turn, each under a fresh id {@code <prefix>-<n>}, and the typed rows they must leave
 * (computed with the job's own router).
 */
final class VolumeLoad implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TYPES =
            List.of(
                    "ai_stream_status",
                    "stream_ingest_metrics",
                    "stream_trace",
                    "ai_stream_events",
                    "create_new_payment");

    private final String prefix;
    private final String topic;
    private final List<ObjectNode> templates = new ArrayList<>();
    private final List<Map<String, Long>> rowsPerTemplate = new ArrayList<>();
    private final Map<String, Long> expectedRows = new TreeMap<>();
    private final TestProducer producer;
    private long distinct;
    private long copies;

    VolumeLoad(String bootstrapServers, String topic, String prefix) {
        this.prefix = prefix;
        this.topic = topic;
        for (String type : TYPES) {
            for (String line : lines(type)) {
                ObjectNode node = parse(line);
                templates.add(node);
                rowsPerTemplate.add(rowsOf(line));
            }
        }
        producer =
                TestProducer.connect(
                        bootstrapServers,
                        Map.of(
                                ProducerConfig.LINGER_MS_CONFIG, "20",
                                ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024),
                                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"));
    }

    /**
     * Produces {@code n} new distinct events; every {@code copyEvery}-th is sent twice (a retry).
     */
    void produce(long n, int copyEvery) {
        for (long i = 0; i < n; i++) {
            int t = (int) (distinct % templates.size());
            ObjectNode event = templates.get(t);
            event.put("id", prefix + "-" + distinct);
            byte[] value = bytes(event);
            rowsPerTemplate
                    .get(t)
                    .forEach((table, rows) -> expectedRows.merge(table, rows, Long::sum));
            producer.sendAsync(new ProducerRecord<>(topic, value));
            if (distinct % copyEvery == 0) {
                producer.sendAsync(new ProducerRecord<>(topic, value));
                copies++;
            }
            distinct++;
        }
        producer.flush();
    }

    long distinct() {
        return distinct;
    }

    /** Records produced: the distinct events plus the retried copies. */
    long records() {
        return distinct + copies;
    }

    Map<String, Long> expectedRows() {
        return expectedRows;
    }

    String likePattern() {
        return prefix + "-%";
    }

    private Map<String, Long> rowsOf(String line) {
        Routed routed =
                new EventRouter()
                        .route(
                                new KafkaEvent(
                                        line.getBytes(StandardCharsets.UTF_8), topic, 0, 0, null),
                                0);
        if (routed.deadLetter() != null) {
            throw new IllegalStateException("a sample does not parse: " + routed.deadLetter());
        }
        Map<String, Long> rows = new TreeMap<>();
        for (SinkRow row : routed.typed()) {
            rows.merge(row.table, 1L, Long::sum);
        }
        return rows;
    }

    private static ObjectNode parse(String line) {
        try {
            return (ObjectNode) JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(ObjectNode event) {
        try {
            return JSON.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(String type) {
        return SampleFiles.lines(type);
    }

    @Override
    public void close() {
        producer.close();
    }
}
