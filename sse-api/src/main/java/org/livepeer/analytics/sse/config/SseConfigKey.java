package org.livepeer.analytics.sse.config;

import org.livepeer.analytics.config.ConfigKeyDef;
import org.livepeer.analytics.config.KeySpec;

/**
 * Every environment variable of the SSE API's own, with its default and meaning; the Kafka servers,
 * topics and consumer pass-through are the shared {@code KafkaKey}. The table in
 * docs/configuration.md, "SSE API", is checked against it.
 */
public enum SseConfigKey implements ConfigKeyDef {
    SSE_HOST("127.0.0.1", "Interface the HTTP server binds to."),
    SSE_PORT("8090", "HTTP port; 0 picks a free port."),
    SSE_AUTH("token", "'token' (read token required) or 'none' (open; logs a warning)."),
    SSE_TOKEN("", "Read token clients present; required unless SSE_AUTH=none. Kept hashed."),
    SSE_MAX_CLIENTS("20000", "Open SSE connections allowed at once; more get 503."),
    SSE_CLIENT_BUFFER_MESSAGES(
            "1000",
            "Messages queued per client beyond the socket's own buffer; a client that falls"
                    + " further behind gets an 'overflow' event and is disconnected."),
    SSE_HEARTBEAT_MS("15000", "Interval of the ': heartbeat' comment on idle streams."),
    SSE_REPLAY_MAX_MESSAGES(
            "10000",
            "Most messages replayed on resume; a client further behind gets a 'gap' event and"
                    + " continues live."),
    SSE_CORS_ORIGINS(
            "", "Allowed CORS origins: empty (no CORS headers), '*', or a comma-separated list."),
    SSE_EVENT_LOOPS(
            "0",
            "Event loops the SSE connections are spread over, each serving and writing to its own"
                    + " clients; 0 means one per CPU core."),
    SSE_PARTITION_REFRESH_MS(
            "10000",
            "How often the topic tails check the partition count; partitions added to a topic are"
                    + " read from their beginning within about this time."),

    SSE_MAX_CONNECTIONS(
            "25000",
            "TCP connections allowed at once, streams and plain requests alike (at least"
                    + " SSE_MAX_CLIENTS); a connection beyond it is closed at once and counted."),
    SSE_IDLE_TIMEOUT_MS(
            "60000",
            "A connection with no traffic either way for this long is closed. Heartbeats keep"
                    + " open streams busy, so it must be at least twice SSE_HEARTBEAT_MS."),
    SSE_REQUEST_READ_TIMEOUT_MS(
            "10000",
            "A request's headers must be complete this long after the connection opened (on a"
                    + " kept-alive connection: after the previous response plus"
                    + " SSE_IDLE_TIMEOUT_MS); otherwise the connection is closed."),
    SSE_CLIENT_BUFFER_BYTES(
            "4194304",
            "Bytes held for one client that its socket has not taken yet (queued live frames,"
                    + " the resume replay, unflushed writes); a client over it gets an 'overflow'"
                    + " event and is disconnected; a replay larger than it becomes a"
                    + " 'too_far_behind' gap.");

    SseConfigKey(String defaultValue, String doc) {
        KeySpec.declare(this, defaultValue, doc);
    }
}
