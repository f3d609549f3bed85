package org.livepeer.analytics.config;

import java.util.regex.Pattern;
import org.livepeer.analytics.wire.WireTopics;

/**
 * The Kafka settings every service reads under the same names (docs/kafka.md, "Topics"), so that
 * one variable renames a topic or moves the brokers for all of them.
 */
public enum KafkaKey implements ConfigKeyDef {
    KAFKA_BOOTSTRAP_SERVERS(
            "127.0.0.1:9092",
            "Kafka bootstrap servers (host:port,...), for the gateway, the processor and the SSE"
                    + " API."),
    EVENTS_TOPIC(
            WireTopics.EVENTS,
            "Accepted events: written by the gateway, read by the processor and the SSE API"
                    + " (/v1/live/events)."),
    DLQ_TOPIC(
            WireTopics.DLQ,
            "Envelopes the gateway rejected (best effort), copied by the processor into"
                    + " streaming_events_dlq."),
    LIVE_METRICS_TOPIC(
            WireTopics.LIVE_METRICS,
            "The processor's live windows, read by the SSE API (/v1/live/metrics)."),
    KAFKA_PRODUCER_PROPERTIES(
            KafkaPassThrough.PRODUCER_PREFIX + "<NAME>",
            null,
            "Prefix, not a key: `KAFKA_PRODUCER_<NAME>=v` sets producer property `<name>=v`"
                    + " (lower case, '_' becomes '.') for the gateway and the processor's"
                    + " live-metrics sink, e.g. `KAFKA_PRODUCER_SECURITY_PROTOCOL=SSL`. Properties a service"
                    + " relies on cannot be set (start-up fails naming them)."),
    KAFKA_CONSUMER_PROPERTIES(
            KafkaPassThrough.CONSUMER_PREFIX + "<NAME>",
            null,
            "Prefix, not a key: `KAFKA_CONSUMER_<NAME>=v` sets consumer property `<name>=v`"
                    + " for the processor's sources and the SSE API's consumers, e.g."
                    + " `KAFKA_CONSUMER_MAX_POLL_RECORDS=500`. Properties a service relies on cannot"
                    + " be set (start-up fails naming them).");

    /** Kafka's own rule for topic names. */
    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,249}");

    private final String envName;

    KafkaKey(String defaultValue, String doc) {
        this(null, defaultValue, doc);
    }

    KafkaKey(String envName, String defaultValue, String doc) {
        this.envName = envName == null ? name() : envName;
        KeySpec.declare(this, defaultValue, doc);
    }

    /**
     * The checked value: a topic name Kafka accepts, or non-empty bootstrap servers.
     *
     * @throws ConfigException naming the variable and the value
     * @throws IllegalStateException for the pass-through prefixes, which {@link KafkaPassThrough}
     *     reads
     */
    public String read(ConfigReader reader) {
        return switch (this) {
            case KAFKA_BOOTSTRAP_SERVERS -> reader.nonEmpty(this);
            case EVENTS_TOPIC, DLQ_TOPIC, LIVE_METRICS_TOPIC -> {
                String topic = reader.string(this);
                if (!TOPIC.matcher(topic).matches()) {
                    throw reader.invalid(this, "1-249 characters of [A-Za-z0-9._-]");
                }
                yield topic;
            }
            default ->
                    throw new IllegalStateException(envName + " is a prefix; see KafkaPassThrough");
        };
    }

    /** The prefix keys are named {@code KAFKA_PRODUCER_<NAME>}, {@code KAFKA_CONSUMER_<NAME>}. */
    @Override
    public String envName() {
        return envName;
    }
}
