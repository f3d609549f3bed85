package org.livepeer.analytics.processor.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import org.livepeer.analytics.event.envelope.EnvelopeValidator;

/**
 * Reads only the top-level {@code id} and {@code timestamp} of a record with a streaming parser,
 * skipping {@code data} unparsed, so the key for deduplication and the event time for watermarks
 * cost a fraction of the full parse that the router does once per record. Never throws: what cannot
 * be read is reported as absent, and the router later classifies the record properly.
 */
public final class EnvelopePeek {

    private static final JsonFactory FACTORY = new JsonFactory();

    /** The envelope's {@code id}, or null when there is no readable non-empty string id. */
    private final String id;

    /** The envelope's timestamp in ms when it is valid (DESIGN 4.1), else 0. */
    private final long timestampMs;

    private EnvelopePeek(String id, long timestampMs) {
        this.id = id;
        this.timestampMs = timestampMs;
    }

    public static EnvelopePeek of(byte[] value) {
        String id = null;
        long ts = 0;
        try (JsonParser p = FACTORY.createParser(value)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return new EnvelopePeek(null, 0);
            }
            while (p.nextToken() == JsonToken.FIELD_NAME && (id == null || ts == 0)) {
                String name = p.currentName();
                JsonToken token = p.nextToken();
                if ("id".equals(name) && id == null && token == JsonToken.VALUE_STRING) {
                    id = p.getText();
                } else if ("timestamp".equals(name) && ts == 0) {
                    ts = timestamp(p, token);
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException | RuntimeException e) {
            // Malformed JSON: keep what was read before the error; the router dead-letters it.
        }
        return new EnvelopePeek(id == null || id.isEmpty() ? null : id, ts);
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
}
