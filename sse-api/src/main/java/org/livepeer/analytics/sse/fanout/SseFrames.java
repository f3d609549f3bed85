package org.livepeer.analytics.sse.fanout;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.livepeer.analytics.sse.source.Replay;

/** Encodes server-sent-event frames (WHATWG HTML, "Server-sent events"). */
public final class SseFrames {

    public static final Buffer HEARTBEAT = Buffer.buffer(": heartbeat\n\n");

    private SseFrames() {}

    /**
     * {@code id}, {@code event} and {@code data} lines; a multi-line value gets one data line each.
     */
    public static Buffer message(String id, String event, String data) {
        StringBuilder b = new StringBuilder(data.length() + id.length() + 32);
        b.append("id: ").append(id).append('\n');
        b.append("event: ").append(event).append('\n');
        int start = 0;
        int n = data.length();
        for (int i = 0; i < n; i++) {
            char ch = data.charAt(i);
            if (ch == '\n' || ch == '\r') {
                b.append("data: ").append(data, start, i).append('\n');
                if (ch == '\r' && i + 1 < n && data.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        b.append("data: ").append(data, start, n).append("\n\n");
        return Buffer.buffer(b.toString());
    }

    /**
     * The fields every {@code gap} event carries (docs/live-metrics.md, §4): why, on which
     * partition, and the offsets it was asked for and continues at.
     */
    public static JsonObject gapFields(Replay.Gap gap) {
        return new JsonObject()
                .put("reason", gap.reason())
                .put("partition", gap.partition())
                .put("requested_offset", gap.requestedOffset())
                .put("resumed_offset", gap.resumedOffset());
    }

    /** A frame without an id: control events that must not move the client's resume point. */
    public static Buffer control(String event, JsonObject data) {
        return Buffer.buffer("event: " + event + "\ndata: " + data.encode() + "\n\n");
    }

    /** The reconnection delay EventSource should use, sent first on every stream. */
    public static Buffer retry(long ms) {
        return Buffer.buffer("retry: " + ms + "\n\n");
    }
}
