package org.livepeer.analytics.sqlcompat.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.livepeer.analytics.clickhouse.schema.Migrator;
import org.livepeer.analytics.event.envelope.Envelope;
import org.livepeer.analytics.event.envelope.EnvelopeCheck;
import org.livepeer.analytics.event.envelope.EnvelopeValidator;
import org.livepeer.analytics.event.json.InvalidJsonException;
import org.livepeer.analytics.event.json.StrictJson;
import org.livepeer.analytics.event.parse.EventParser;
import org.livepeer.analytics.event.parse.EventParsers;
import org.livepeer.analytics.event.parse.ParseOutcome;
import org.livepeer.analytics.event.rows.EventMeta;
import org.livepeer.analytics.event.rows.RowJson;
import org.livepeer.analytics.event.rows.TypedRow;
import org.livepeer.analytics.sqlcompat.engine.Engine;

/**
 * The JSONEachRow batches the processor's sink would send for a list of Kafka record values, per
 * table. Typed rows go through the processor's own chain (StrictJson, EnvelopeValidator, the
 * event's parser, RowJson), so their lines are byte for byte the sink's; the raw-archive and
 * dead-letter rows are built here with the columns of V001 and V016, as the processor's ArchiveRows
 * and its sink do.
 *
 * <p>Every record is taken as sent through the gateway, with a made-up but plausible latency
 * decomposition around the processing time ({@link Hops}), so the latency query has rows to read.
 */
public final class SinkBatches {
    public static final String RAW_ARCHIVE = "streaming_events";
    public static final String DEAD_LETTERS = "streaming_events_dlq";
    public static final String EVENTS_TOPIC = "streaming-events";

    /** The gateway's rejections (docs/ingest-api.md): dead letters of envelopes never accepted. */
    public static final String GATEWAY_DLQ_TOPIC = "streaming-events-dlq";

    public static final String SOURCE = "sqlcompat";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final long processedTsMs;
    private final Map<String, List<String>> byTable = new TreeMap<>();
    private long offset;

    /**
     * The rows the tests load: every sample event moved relative to {@code loadedAt} ({@link
     * SampleRecords}) and one envelope the gateway refused, so the rejections panel has a row
     * (docs/grafana.md); every raw and dead-letter row stamped {@code loadedAt}.
     */
    public static SinkBatches samples(Instant loadedAt) {
        SinkBatches batches = new SinkBatches(loadedAt.toEpochMilli());
        SampleRecords.all(loadedAt).forEach(batches::add);
        return batches.rejectedByGateway(
                "{\"id\":\"sqlcompat-no-type\",\"timestamp\":\"1\",\"data\":{}}"
                        .getBytes(StandardCharsets.UTF_8),
                "missing_field:type",
                "type is required");
    }

    /** {@code processedTsMs} stamps every raw and dead-letter row (same value on both engines). */
    public SinkBatches(long processedTsMs) {
        this.processedTsMs = processedTsMs;
    }

    /** Routes one record value, as read from the events topic at the next offset. */
    public SinkBatches add(byte[] value) {
        long at = offset++;
        JsonNode node;
        try {
            node = StrictJson.parse(value);
        } catch (InvalidJsonException e) {
            return archiveAndReject(value, at, Identity.UNKNOWN, "invalid_json", e.getMessage());
        }
        EnvelopeCheck check = EnvelopeValidator.validate(node);
        if (check instanceof EnvelopeCheck.Invalid invalid) {
            Identity id = new Identity(text(node, "id"), text(node, "type"), 0L, "");
            return archiveAndReject(
                    value, at, id, invalid.error().code(), invalid.error().message());
        }
        Envelope env = ((EnvelopeCheck.Valid) check).envelope();
        Identity id = new Identity(env.id(), env.type(), env.timestampMs(), env.gateway());
        Optional<EventParser> parser = EventParsers.forType(env.type());
        if (parser.isEmpty()) {
            return archiveAndReject(value, at, id, "unknown_event_type", "no parser");
        }
        ParseOutcome outcome = parser.get().parse(env);
        if (outcome instanceof ParseOutcome.Rejected rejected) {
            return archiveAndReject(value, at, id, rejected.errorType(), rejected.message());
        }
        archive(value, at, id);
        EventMeta meta =
                new EventMeta(env.id(), env.type(), env.timestampMs(), env.gateway(), SOURCE);
        for (TypedRow row : ((ParseOutcome.Parsed) outcome).rows()) {
            rows(row.table()).add(RowJson.line(meta, row));
        }
        return this;
    }

    /**
     * An envelope the ingest gateway refused: the dead letter the processor reads from the
     * gateway's rejections topic, with the gateway's error code (docs/ingest-api.md). It never
     * reaches the events topic, so it has no raw row.
     */
    public SinkBatches rejectedByGateway(byte[] value, String errorType, String message) {
        JsonNode node;
        try {
            node = StrictJson.parse(value);
        } catch (InvalidJsonException e) {
            node = JSON.createObjectNode();
        }
        ObjectNode row =
                deadLetter(
                        new Identity(text(node, "id"), text(node, "type"), 0L, ""),
                        errorType,
                        message,
                        value,
                        offset++);
        row.put("kafka_topic", GATEWAY_DLQ_TOPIC);
        row.put("source", "gateway");
        rows(DEAD_LETTERS).add(row.toString());
        return this;
    }

    /** Inserts every table's batch into {@code engine}'s tables of the project database. */
    public void insertInto(Engine engine) {
        bodies().forEach(
                        (table, body) ->
                                engine.insertJsonEachRow(Migrator.DATABASE + "." + table, body));
    }

    public Map<String, String> bodies() {
        Map<String, String> out = new TreeMap<>();
        byTable.forEach((table, lines) -> out.put(table, String.join("\n", lines) + "\n"));
        return out;
    }

    /** Rows per table. */
    public Map<String, Integer> counts() {
        Map<String, Integer> out = new TreeMap<>();
        byTable.forEach((table, lines) -> out.put(table, lines.size()));
        return out;
    }

    /**
     * The latency of the record at Kafka offset {@code offset}, in ms: gateway to Kafka 1-5, Kafka
     * to processor 20-79, processor to insert 100-999, varied by offset.
     */
    public record Hops(long gatewayToKafka, long kafkaToProcessor, long processorToInsert) {
        public static Hops of(long offset) {
            return new Hops(1 + offset % 5, 20 + offset * 7 % 60, 100 + offset * 13 % 900);
        }

        public long total() {
            return gatewayToKafka + kafkaToProcessor + processorToInsert;
        }
    }

    private record Identity(String eventId, String eventType, long eventTsMs, String gateway) {
        static final Identity UNKNOWN = new Identity("", "", 0L, "");
    }

    private SinkBatches archiveAndReject(
            byte[] value, long at, Identity id, String errorType, String message) {
        archive(value, at, id);
        rows(DEAD_LETTERS).add(deadLetter(id, errorType, message, value, at).toString());
        return this;
    }

    private ObjectNode deadLetter(
            Identity id, String errorType, String message, byte[] value, long at) {
        ObjectNode row = JSON.createObjectNode();
        row.put("event_id", id.eventId());
        row.put("event_type", id.eventType());
        row.put("event_ts_ms", id.eventTsMs());
        row.put("gateway", id.gateway());
        row.put("source", SOURCE);
        row.put("error_type", errorType);
        row.put("error_message", message == null ? "" : message);
        row.put("raw_json", new String(value, StandardCharsets.UTF_8));
        row.put("kafka_topic", EVENTS_TOPIC);
        row.put("kafka_partition", 0);
        row.put("kafka_offset", at);
        row.put("processed_ts_ms", processedTsMs);
        row.put("processed_time", dateTime(processedTsMs));
        row.put("processed_date", dateTime(processedTsMs).substring(0, 10));
        return row;
    }

    private void archive(byte[] value, long at, Identity id) {
        long dateMs = id.eventTsMs() > 0 ? id.eventTsMs() : processedTsMs;
        ObjectNode row = JSON.createObjectNode();
        row.put("event_id", id.eventId());
        row.put("event_type", id.eventType());
        row.put("event_ts_ms", id.eventTsMs());
        row.put("event_time", dateTime(dateMs));
        row.put("event_date", dateTime(dateMs).substring(0, 10));
        row.put("gateway", id.gateway());
        row.put("source", SOURCE);
        row.put("payload", new String(value, StandardCharsets.UTF_8));
        row.put("kafka_partition", 0);
        row.put("kafka_offset", at);
        row.put("processed_ts_ms", processedTsMs);
        Hops hops = Hops.of(at);
        long kafkaTsMs = processedTsMs - hops.kafkaToProcessor();
        row.put("received_ts_ms", kafkaTsMs - hops.gatewayToKafka());
        row.put("kafka_ts_ms", kafkaTsMs);
        row.put("inserted_ts_ms", processedTsMs + hops.processorToInsert());
        rows(RAW_ARCHIVE).add(row.toString());
    }

    private List<String> rows(String table) {
        return byTable.computeIfAbsent(table, t -> new ArrayList<>());
    }

    private static String dateTime(long epochMs) {
        return DATE_TIME.format(Instant.ofEpochMilli(epochMs));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isTextual() ? v.textValue() : "";
    }
}
