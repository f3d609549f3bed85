package org.livepeer.analytics.bench.gateway;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What one request carries: one event object, or a JSON array of 100 events. */
enum BodyForm {
    SINGLE(1),
    BATCH100(100);

    private static final int DISTINCT_BODIES = 512;

    private final int events;

    BodyForm(int events) {
        this.events = events;
    }

    int events() {
        return events;
    }

    static BodyForm parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }

    /** Prebuilt bodies (cycled through by the generator) with distinct ids and stream ids. */
    List<byte[]> bodies() {
        List<byte[]> bodies = new ArrayList<>(DISTINCT_BODIES);
        long id = 0;
        for (int b = 0; b < DISTINCT_BODIES; b++) {
            StringBuilder body = new StringBuilder(events == 1 ? "" : "[");
            for (int e = 0; e < events; e++) {
                if (e > 0) {
                    body.append(',');
                }
                body.append(event(id++));
            }
            if (events > 1) {
                body.append(']');
            }
            bodies.add(body.toString().getBytes(StandardCharsets.UTF_8));
        }
        return bodies;
    }

    /** An ai_stream_status-like event of about 300 bytes, like the samples. */
    private static String event(long id) {
        return "{\"id\":\"bench-"
                + id
                + "\",\"type\":\"ai_stream_status\",\"timestamp\":1767225600000,"
                + "\"gateway\":\"bench-gw\",\"data\":{\"stream_id\":\"stream-"
                + (id % 64)
                + "\",\"pipeline\":\"streamdiffusion\",\"state\":\"ONLINE\","
                + "\"inference_status\":{\"fps\":24.5,\"last_error\":null},"
                + "\"input_status\":{\"fps\":30.0},\"orchestrator_info\":"
                + "{\"address\":\"0xabc\",\"url\":\"https://o.example:8935\"}}}";
    }
}
