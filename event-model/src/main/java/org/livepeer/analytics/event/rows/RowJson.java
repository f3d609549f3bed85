package org.livepeer.analytics.event.rows;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Renders a typed row as one ClickHouse {@code JSONEachRow} line: the {@link EventMeta} columns
 * first, then the row's components in declaration order as snake_case columns. NULLs stay JSON
 * {@code null} (Nullable columns); integers, including {@link java.math.BigInteger}, are exact JSON
 * numbers. Thread-safe; the mapper and writer are built once because this runs for every row.
 */
public final class RowJson {

    /** The meta columns, in the order every typed table declares them. */
    public static final List<String> META_COLUMNS =
            List.of(
                    "event_id",
                    "event_type",
                    "event_ts_ms",
                    "event_time",
                    "event_date",
                    "gateway",
                    "source");

    private static final JsonMapper MAPPER =
            JsonMapper.builder()
                    .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                    .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                    .build();

    private static final ObjectWriter WRITER = MAPPER.writer();

    private static final JsonFactory META_FACTORY =
            JsonFactory.builder()
                    .disable(StreamWriteFeature.AUTO_CLOSE_CONTENT)
                    .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
                    .build();

    private RowJson() {}

    /** One JSONEachRow line for {@code row}, without a trailing newline. */
    public static String line(EventMeta meta, TypedRow row) {
        String rowJson = rowObject(row);
        StringWriter out = new StringWriter(rowJson.length() + 192);
        try (JsonGenerator gen = META_FACTORY.createGenerator(out)) {
            gen.writeStartObject();
            writeMeta(gen, meta);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render meta of " + meta.eventId(), e);
        }
        // The row is rendered by its own serializer; its members are spliced in after the meta
        // ones (the meta generator leaves the object open).
        if (rowJson.length() > 2) {
            out.write(',');
            out.write(rowJson, 1, rowJson.length() - 1);
        } else {
            out.write('}');
        }
        return out.toString();
    }

    private static String rowObject(TypedRow row) {
        try {
            return WRITER.writeValueAsString(row);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + row.getClass().getName(), e);
        }
    }

    private static void writeMeta(JsonGenerator gen, EventMeta meta) throws IOException {
        gen.writeStringField("event_id", meta.eventId());
        gen.writeStringField("event_type", meta.eventType());
        gen.writeNumberField("event_ts_ms", meta.eventTsMs());
        String dateTime = utcDateTime(meta.eventTsMs());
        gen.writeStringField("event_time", dateTime);
        gen.writeStringField("event_date", dateTime.substring(0, 10));
        gen.writeStringField("gateway", meta.gateway());
        gen.writeStringField("source", meta.source());
    }

    /**
     * {@code yyyy-MM-dd HH:mm:ss} in UTC, the text form ClickHouse accepts for DateTime; its first
     * ten characters are the Date. Every row writer uses this one form.
     */
    public static String utcDateTime(long epochMs) {
        LocalDateTime t =
                LocalDateTime.ofEpochSecond(Math.floorDiv(epochMs, 1000L), 0, ZoneOffset.UTC);
        char[] c = new char[19];
        put(c, 0, t.getYear(), 4);
        c[4] = '-';
        put(c, 5, t.getMonthValue(), 2);
        c[7] = '-';
        put(c, 8, t.getDayOfMonth(), 2);
        c[10] = ' ';
        put(c, 11, t.getHour(), 2);
        c[13] = ':';
        put(c, 14, t.getMinute(), 2);
        c[16] = ':';
        put(c, 17, t.getSecond(), 2);
        return new String(c);
    }

    private static void put(char[] c, int at, int value, int width) {
        int v = value;
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + v % 10);
            v /= 10;
        }
    }
}
