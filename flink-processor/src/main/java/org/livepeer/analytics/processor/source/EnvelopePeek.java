package org.livepeer.analytics.processor.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import org.livepeer.analytics.event.envelope.EnvelopeValidator;

/**
 * Reads only the top-level {@code id} and {@code timestamp} and {@code data.stream_id} of a record
 * with a streaming parser, building no tree, so the key for deduplication and the event time for
 * watermarks cost a fraction of the full parse that the router does once per record. Never throws:
 * what cannot be read is reported as absent, and the router later classifies the record properly.
 */
public final class EnvelopePeek {

    private static final JsonFactory FACTORY = new JsonFactory();

    /** The envelope's {@code id}, or null when there is no readable non-empty string id. */
    private String id;

    /** The envelope's timestamp in ms when it is valid (docs/ingest-api.md), else 0. */
    private long timestampMs;

    /**
     * {@code data.stream_id} when {@code data} is an object holding a non-empty string, else null.
     */
    private String streamId;

    private boolean dataRead;

    private EnvelopePeek() {}

    public static EnvelopePeek of(byte[] value) {
        EnvelopePeek peek = new EnvelopePeek();
        try (JsonParser p = FACTORY.createParser(value)) {
            if (p.nextToken() == JsonToken.START_OBJECT) {
                peek.readEnvelope(p);
            }
        } catch (IOException | RuntimeException e) {
            // Malformed JSON: keep what was read before the error; the router dead-letters it.
        }
        if (peek.id != null && peek.id.isEmpty()) {
            peek.id = null;
        }
        return peek;
    }

    /** Stops as soon as the three values are known: the rest of the record is not tokenized. */
    private void readEnvelope(JsonParser p) throws IOException {
        while (!complete() && p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken token = p.nextToken();
            if ("id".equals(name) && id == null && token == JsonToken.VALUE_STRING) {
                id = p.getText();
            } else if ("timestamp".equals(name) && timestampMs == 0) {
                timestampMs = timestamp(p, token);
            } else if ("data".equals(name) && !dataRead) {
                readData(p, token);
            } else {
                p.skipChildren();
            }
        }
    }

    /**
     * Looks for {@code stream_id} among the fields of {@code data}, skipping nested values. Leaves
     * the parser after {@code data} unless the peek is complete, when nothing more is read.
     */
    private void readData(JsonParser p, JsonToken data) throws IOException {
        dataRead = true;
        if (data != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken token = p.nextToken();
            if ("stream_id".equals(name) && token == JsonToken.VALUE_STRING) {
                String text = p.getText();
                streamId = text.isEmpty() ? null : text;
                if (complete()) {
                    return;
                }
            } else {
                p.skipChildren();
            }
        }
    }

    private boolean complete() {
        return id != null && timestampMs != 0 && dataRead;
    }

    private static long timestamp(JsonParser p, JsonToken token) throws IOException {
        long ms;
        if (token == JsonToken.VALUE_NUMBER_INT
                && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            ms = p.getLongValue();
        } else if (token == JsonToken.VALUE_STRING && isDigits(p.getText())) {
            ms = Long.parseLong(p.getText());
        } else {
            return 0;
        }
        return ms >= EnvelopeValidator.MIN_TIMESTAMP_MS && ms < EnvelopeValidator.MAX_TIMESTAMP_MS
                ? ms
                : 0;
    }

    private static boolean isDigits(String s) {
        if (s.isEmpty() || s.length() > 18) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    public String id() {
        return id;
    }

    public long timestampMs() {
        return timestampMs;
    }

    /**
     * The stream the event belongs to, by the ingest gateway's Kafka key rule: {@code
     * data.stream_id} when it is a non-empty string, else null.
     */
    public String streamId() {
        return streamId;
    }
}
