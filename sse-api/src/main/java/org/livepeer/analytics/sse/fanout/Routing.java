package org.livepeer.analytics.sse.fanout;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.livepeer.analytics.sse.source.TailRecord;

/**
 * Extracts the filter fields of each stream's messages. A record that is not a JSON object is still
 * delivered, to clients without filters; it has no fields to match.
 */
public final class Routing {

    public static final String SCOPE = "scope";
    public static final String KEY = "key";
    public static final String TYPE = "type";
    public static final String STREAM_ID = "stream_id";
    public static final String ORCHESTRATOR = "orchestrator";

    private Routing() {}

    /** {@code live-metrics} messages: their scope and key. */
    public static Routed metrics(TailRecord r) {
        Map<String, String> fields = new HashMap<>();
        JsonObject json = object(r.value());
        if (json != null) {
            put(fields, SCOPE, json.getValue(SCOPE));
            put(fields, KEY, json.getValue(KEY));
        }
        return new Routed(r, SseFrames.message(r.token(), "metrics", r.value()), fields);
    }

    /** Raw events: type, data.stream_id and data.orchestrator_info.address (lower case). */
    public static Routed events(TailRecord r) {
        Map<String, String> fields = new HashMap<>();
        JsonObject json = object(r.value());
        if (json != null) {
            put(fields, TYPE, json.getValue(TYPE));
            if (json.getValue("data") instanceof JsonObject data) {
                put(fields, STREAM_ID, data.getValue(STREAM_ID));
                if (data.getValue("orchestrator_info") instanceof JsonObject info
                        && info.getValue("address") instanceof String address) {
                    fields.put(ORCHESTRATOR, address.toLowerCase(Locale.ROOT));
                }
            }
        }
        return new Routed(r, SseFrames.message(r.token(), "event", r.value()), fields);
    }

    private static void put(Map<String, String> fields, String name, Object value) {
        if (value instanceof String s) {
            fields.put(name, s);
        }
    }

    private static JsonObject object(String value) {
        if (value.isEmpty() || value.charAt(0) != '{') {
            return null;
        }
        try {
            return new JsonObject(value);
        } catch (DecodeException e) {
            return null;
        }
    }
}
