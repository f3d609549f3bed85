package org.livepeer.analytics.sse.fanout;

import io.vertx.core.buffer.Buffer;
import java.util.Map;
import org.livepeer.analytics.sse.source.TailRecord;

/**
 * A record ready to fan out: the frame, encoded once for every client, and the fields filters look
 * at (absent when the message lacks them or is not JSON).
 */
public record Routed(TailRecord record, Buffer frame, Map<String, String> fields) {

    public Routed {
        fields = Map.copyOf(fields);
    }

    public String field(String name) {
        return fields.getOrDefault(name, "");
    }
}
