package org.livepeer.analytics.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The real events of the shared catalog's samples/, from event-model's test-jar. */
public final class SampleEvents {

    /** One file per event family, one envelope per line. */
    public static final List<String> FILES =
            List.of(
                    "ai_stream_events.jsonl",
                    "ai_stream_status.jsonl",
                    "create_new_payment.jsonl",
                    "discovery_results.jsonl",
                    "network_capabilities.jsonl",
                    "stream_ingest_metrics.jsonl",
                    "stream_trace.jsonl");

    /** How many events the files hold together. */
    public static final int COUNT = 62;

    private SampleEvents() {}

    /** The raw bytes of one sample file. */
    public static byte[] read(String file) throws IOException {
        try (InputStream in = SampleEvents.class.getResourceAsStream("/samples/" + file)) {
            if (in == null) {
                throw new IOException("missing test resource samples/" + file);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        }
    }

    /** Every sample event, each as the exact line from its file. */
    public static List<String> all() {
        List<String> events = new ArrayList<>();
        for (String file : FILES) {
            try {
                for (String line : new String(read(file), StandardCharsets.UTF_8).split("\n")) {
                    if (!line.isBlank()) {
                        events.add(line.strip());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return events;
    }
}
