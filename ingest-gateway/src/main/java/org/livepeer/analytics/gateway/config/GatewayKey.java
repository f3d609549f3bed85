package org.livepeer.analytics.gateway.config;

import org.livepeer.analytics.config.ConfigKeyDef;
import org.livepeer.analytics.config.KafkaKey;
import org.livepeer.analytics.config.KeySpec;

/**
 * Every environment variable of the gateway's own, with its default and meaning; the Kafka servers,
 * topics and client pass-through are the shared {@link KafkaKey}. The table in
 * docs/configuration.md, "Ingest gateway", is checked against it; {@link GatewayConfig#fromEnv}
 * reads nothing that is not in one of the two.
 */
public enum GatewayKey implements ConfigKeyDef {
    GATEWAY_HOST("127.0.0.1", "Interface the HTTP server binds to."),
    GATEWAY_PORT("8080", "HTTP port; 0 picks a free port."),
    GATEWAY_EVENT_LOOPS(
            "1",
            "Event loops serving HTTP (connections are spread over them); 1-64. More than one"
                    + " helps only when the gateway has cores to itself."),
    GATEWAY_IDLE_TIMEOUT_MS(
            "60000",
            "A connection on which nothing moved for this long is closed (no response bytes,"
                    + " no body bytes, no request headers completed); more than"
                    + " KAFKA_DELIVERY_TIMEOUT_MS."),
    GATEWAY_REQUEST_READ_TIMEOUT_MS(
            "10000",
            "Longest time to receive a whole request (headers and body), from the connection's"
                    + " opening or the end of the previous request (plus GATEWAY_IDLE_TIMEOUT_MS);"
                    + " the connection is closed when it runs out."),
    GATEWAY_MAX_CONNECTIONS(
            "4096",
            "Most client connections open at once; one more is closed as soon as it is accepted."
                    + " Keep it under the process's file descriptor limit (ulimit -n)."),
    INGEST_AUTH("bearer", "'bearer' (API keys required) or 'none' (no auth; logs a warning)."),
    INGEST_API_KEYS(
            "",
            "Comma-separated name:key pairs; the name becomes the event's source header."
                    + " Only SHA-256 hashes are kept in memory."),
    INGEST_API_KEYS_FILE(
            "",
            "Path of a file with one name:key per line ('#' starts a comment); merged with"
                    + " INGEST_API_KEYS. Read once at start."),
    INGEST_MAX_BODY_BYTES(
            "1048576",
            "Largest accepted request body in bytes, after gzip decompression (413 above)."),
    INGEST_MAX_EVENTS("10000", "Most events accepted in one request (413 above)."),
    INGEST_RATE_LIMIT(
            "0",
            "Events per second allowed per API key (token bucket, per gateway instance);"
                    + " 0 turns rate limiting off. Over it: 429 with Retry-After."),
    INGEST_RATE_BURST(
            "0",
            "Tokens a key's bucket holds (events sent at once after a pause); 0 means one"
                    + " second's worth (= INGEST_RATE_LIMIT)."),
    INGEST_MAX_INFLIGHT(
            "50000",
            "Most events waiting for Kafka acknowledgement at once; a request that would exceed"
                    + " it gets 503 overloaded with Retry-After."),
    KAFKA_DELIVERY_TIMEOUT_MS(
            "4000",
            "Longest wait for Kafka to acknowledge a request's events before answering 503."),
    READY_CHECK_INTERVAL_MS("2000", "How often /ready re-checks that Kafka is reachable."),
    RETRY_AFTER_SECONDS("1", "Retry-After value sent with 503 answers."),
    SHUTDOWN_TIMEOUT_MS(
            "10000",
            "On stop, longest wait for in-flight requests (and their Kafka sends) to finish."),
    GATEWAY_ACCESS_LOG(
            "true",
            "'true' logs one line per request (logger org.livepeer.analytics.gateway.access);"
                    + " 'false' turns it off.");

    GatewayKey(String defaultValue, String doc) {
        KeySpec.declare(this, defaultValue, doc);
    }
}
