package org.livepeer.analytics.event.rows;

/**
 * The JSONEachRow lines of one event's rows. The {@link EventMeta} columns are the same in every
 * row of an event (a capabilities snapshot has hundreds), so they are rendered once and stay at the
 * start of the reused builder; each line truncates back to them. Not thread-safe: one per event
 * being routed.
 */
public final class RowLines {

    private final JsonText text = new JsonText();
    private final int metaEnd;

    private RowLines(EventMeta meta) {
        StringBuilder out = text.out;
        out.append("{\"event_id\":");
        text.string(meta.eventId());
        out.append(",\"event_type\":");
        text.string(meta.eventType());
        out.append(",\"event_ts_ms\":").append(meta.eventTsMs());
        String dateTime = RowJson.utcDateTime(meta.eventTsMs());
        out.append(",\"event_time\":\"").append(dateTime);
        out.append("\",\"event_date\":\"").append(dateTime, 0, 10);
        out.append("\",\"gateway\":");
        text.string(meta.gateway());
        out.append(",\"source\":");
        text.string(meta.source());
        metaEnd = out.length();
    }

    public static RowLines of(EventMeta meta) {
        return new RowLines(meta);
    }

    /** The line for {@code row}: meta columns, then the row's own; no trailing newline. */
    public String line(TypedRow row) {
        StringBuilder out = text.out;
        out.setLength(metaEnd);
        RowColumns.of(row.getClass()).write(text, row);
        return out.append('}').toString();
    }
}
