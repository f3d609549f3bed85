package org.livepeer.analytics.config;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The Kafka client pass-through: {@code KAFKA_PRODUCER_<NAME>=v} becomes producer property {@code
 * <name>=v} and {@code KAFKA_CONSUMER_<NAME>=v} consumer property {@code <name>=v}, the name lower
 * case with '_' turned into '.' ({@code KAFKA_CONSUMER_MAX_POLL_RECORDS} → {@code
 * max.poll.records}). A service names the properties it relies on; setting one of those fails at
 * start-up instead of being ignored or silently weakening a guarantee. {@code bootstrap.servers}
 * always has its own key, {@link KafkaKey#KAFKA_BOOTSTRAP_SERVERS}.
 */
public final class KafkaPassThrough {

    public static final String PRODUCER_PREFIX = "KAFKA_PRODUCER_";
    public static final String CONSUMER_PREFIX = "KAFKA_CONSUMER_";

    private static final String BOOTSTRAP_SERVERS = "bootstrap.servers";

    private KafkaPassThrough() {}

    /**
     * The producer properties set in the environment.
     *
     * @param fixed properties the caller sets itself and must not be overridden
     * @throws ConfigException naming the first variable that sets a fixed property
     */
    public static Map<String, String> producer(ConfigReader env, Set<String> fixed) {
        return properties(env, PRODUCER_PREFIX, fixed);
    }

    /** Like {@link #producer}, for {@code KAFKA_CONSUMER_*}. */
    public static Map<String, String> consumer(ConfigReader env, Set<String> fixed) {
        return properties(env, CONSUMER_PREFIX, fixed);
    }

    /** The property {@code KAFKA_<kind>_<NAME>} sets: {@code <name>}, lower case, '.' for '_'. */
    public static String propertyName(String suffix) {
        return suffix.toLowerCase(Locale.ROOT).replace('_', '.');
    }

    private static Map<String, String> properties(
            ConfigReader env, String prefix, Set<String> fixed) {
        Map<String, String> properties = new HashMap<>();
        env.withPrefix(prefix)
                .forEach(
                        (suffix, value) -> {
                            String property = propertyName(suffix);
                            if (property.equals(BOOTSTRAP_SERVERS)) {
                                throw new ConfigException(
                                        prefix
                                                + suffix
                                                + " cannot be set: use "
                                                + KafkaKey.KAFKA_BOOTSTRAP_SERVERS.envName());
                            }
                            if (fixed.contains(property)) {
                                throw new ConfigException(
                                        prefix
                                                + suffix
                                                + " cannot be overridden: the service relies on"
                                                + " its value of "
                                                + property);
                            }
                            properties.put(property, value);
                        });
        return properties;
    }
}
