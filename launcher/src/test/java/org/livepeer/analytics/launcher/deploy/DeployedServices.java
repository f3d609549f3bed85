package org.livepeer.analytics.launcher.deploy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.livepeer.analytics.config.ConfigKeyDef;
import org.livepeer.analytics.config.KafkaKey;
import org.livepeer.analytics.config.KafkaPassThrough;
import org.livepeer.analytics.gateway.config.GatewayKey;
import org.livepeer.analytics.launcher.LauncherKey;
import org.livepeer.analytics.processor.config.ProcessorKey;
import org.livepeer.analytics.processor.live.LiveMetricsKey;
import org.livepeer.analytics.sse.config.SseConfigKey;

/**
 * What each service in compose.yaml reads: for ours, the keys of their catalogs
 * (docs/configuration.md); the others are images that read variables of their own (Kafka,
 * ClickHouse, Grafana, and our one-shot scripts run in the Kafka and ClickHouse images).
 */
final class DeployedServices {

    /** Read by the JVM itself, in every image of ours (e.g. -Xmx, or a GC log). */
    private static final String JVM = "JAVA_TOOL_OPTIONS";

    /** Flink's own settings, which the Flink image's entrypoint appends to its config.yaml. */
    private static final String FLINK = "FLINK_PROPERTIES";

    static final Map<String, Reads> OURS =
            Map.of(
                    "ingest-gateway",
                    Reads.of(List.of(KafkaPassThrough.PRODUCER_PREFIX), GatewayKey.values()),
                    "sse-api",
                    Reads.of(List.of(KafkaPassThrough.CONSUMER_PREFIX), SseConfigKey.values()),
                    "flink-jobmanager",
                    processor(),
                    "flink-taskmanager",
                    processor(),
                    // ./analytics migrate: the launcher's keys and the processor's CLICKHOUSE_URL.
                    "migrate",
                    Reads.of(
                            List.of(),
                            LauncherKey.values(),
                            new ProcessorKey[] {ProcessorKey.CLICKHOUSE_URL}));

    static final Set<String> THIRD_PARTY =
            Set.of(
                    "kafka",
                    "kafka-2",
                    "kafka-3",
                    // deploy/kafka/create-topics.sh in the Kafka image
                    "kafka-topics",
                    "clickhouse",
                    // deploy/clickhouse/create-users.sh in the ClickHouse image
                    "clickhouse-users",
                    "grafana");

    /** A tag as Docker allows it. */
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

    private DeployedServices() {}

    private static Reads processor() {
        return Reads.of(
                        List.of(KafkaPassThrough.PRODUCER_PREFIX, KafkaPassThrough.CONSUMER_PREFIX),
                        ProcessorKey.values(),
                        LiveMetricsKey.values())
                .and(FLINK);
    }

    /** Pinned: a digest, or a tag other than {@code latest} (no tag means latest). */
    static boolean isPinned(String image) {
        int at = image.indexOf('@');
        if (at >= 0) {
            return image.startsWith("@sha256:", at);
        }
        String name = image.substring(image.lastIndexOf('/') + 1);
        int colon = name.lastIndexOf(':');
        String tag = colon < 0 ? "" : name.substring(colon + 1);
        return !"latest".equals(tag) && TAG.matcher(tag).matches();
    }

    /** The variable names a service reads: its catalogs' keys, pass-through prefixes, extras. */
    record Reads(Set<String> names, List<String> prefixes) {

        static Reads of(List<String> prefixes, ConfigKeyDef[]... catalogs) {
            Set<String> names =
                    Stream.concat(
                                    Arrays.stream(catalogs).flatMap(Arrays::stream),
                                    Stream.of(KafkaKey.values()))
                            .map(ConfigKeyDef::envName)
                            .filter(name -> !name.endsWith("<NAME>"))
                            .collect(Collectors.toCollection(HashSet::new));
            names.add(JVM);
            return new Reads(Set.copyOf(names), List.copyOf(prefixes));
        }

        Reads and(String name) {
            Set<String> more = new HashSet<>(names);
            more.add(name);
            return new Reads(Set.copyOf(more), prefixes);
        }

        boolean reads(String var) {
            return names.contains(var) || prefixes.stream().anyMatch(var::startsWith);
        }
    }
}
