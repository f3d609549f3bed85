package org.livepeer.analytics.event.rows;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Renders a typed row as one ClickHouse {@code JSONEachRow} line ({@link RowLines}; {@link
 * JsonText} writes what Jackson's generator wrote): the {@link EventMeta} columns first, then the
 * row's components in declaration order as snake_case columns ({@link RowColumns}). NULLs stay JSON
 * {@code null} (Nullable columns); integers, including {@link java.math.BigInteger}, are exact JSON
 * numbers. Thread-safe.
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

    private RowJson() {}

    /**
     * One JSONEachRow line for {@code row}, without a trailing newline. For several rows of one
     * event, {@link RowLines} renders the meta columns only once.
     */
    public static String line(EventMeta meta, TypedRow row) {
        return RowLines.of(meta).line(row);
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
