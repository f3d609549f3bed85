package org.livepeer.analytics.launcher;

import org.livepeer.analytics.config.ConfigKeyDef;
import org.livepeer.analytics.config.KeySpec;

/**
 * The variables of {@code ./analytics up} and {@code ./analytics migrate} that no component reads
 * itself. The launcher also reads the gateway's {@code GATEWAY_PORT}, the SSE API's {@code
 * SSE_PORT}, the processor's {@code CLICKHOUSE_URL} (migrate) and the shared Kafka topics. The
 * table in docs/configuration.md, "The embedded default", is checked against it.
 */
public enum LauncherKey implements ConfigKeyDef {
    ANALYTICS_HOME(
            "data",
            "State: Kafka log, ClickHouse data, the Flink job's checkpoints and savepoints"
                    + " (flink/), credentials.env, the logs (logs/); created 0700 (an existing one"
                    + " is narrowed to 0700 at start)."),
    CLICKHOUSE_HTTP_PORT("8123", "HTTP port of the ClickHouse child process."),
    CLICKHOUSE_TCP_PORT("9000", "Native-protocol port of the ClickHouse child process."),
    KAFKA_PORT("9092", "Port of the in-process Kafka broker; 0 picks a free port."),
    FLINK_METRICS_PORT(
            "9249",
            "The Flink job's metrics for Prometheus, `http://127.0.0.1:<port>/metrics`"
                    + " (docs/processor.md, \"Metrics\")."),
    CLICKHOUSE_BINARY("", "Another clickhouse-server binary; empty finds it on PATH."),
    ANALYTICS_JAVA_OPTS(
            "-XX:+UseParallelGC",
            "JVM options of the pipeline's process, read by the analytics script; setting it"
                    + " replaces the default, e.g. -XX:+UseParallelGC -Xmx4g."),
    CLICKHOUSE_ADMIN_USER("default", "./analytics migrate: a ClickHouse user allowed to run DDL."),
    CLICKHOUSE_ADMIN_PASSWORD("", "./analytics migrate: that user's password."),
    CLICKHOUSE_CLUSTER(
            "",
            "./analytics migrate: empty lays the schema out on one server; a cluster name from the"
                    + " servers' remote_servers lays it out on that cluster's shards (local tables"
                    + " plus Distributed tables, ON CLUSTER; docs/operations.md, \"ClickHouse"
                    + " shards\").");

    LauncherKey(String defaultValue, String doc) {
        KeySpec.declare(this, defaultValue, doc);
    }
}
