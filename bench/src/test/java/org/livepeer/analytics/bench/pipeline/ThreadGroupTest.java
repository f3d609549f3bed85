package org.livepeer.analytics.bench.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ThreadGroupTest {

    /** Names as jcmd Thread.print showed them for a running ./analytics up (2026-12-02). */
    private static final Map<String, ThreadGroup> SEEN =
            Map.ofEntries(
                    Map.entry("vert.x-eventloop-thread-1", ThreadGroup.GATEWAY),
                    Map.entry("gateway-kafka-sender", ThreadGroup.GATEWAY),
                    Map.entry(
                            "kafka-producer-network-thread | ingest-gateway", ThreadGroup.GATEWAY),
                    Map.entry(
                            "kafka-admin-client-thread | ingest-gateway-readiness",
                            ThreadGroup.GATEWAY),
                    Map.entry("vert.x-eventloop-thread-2", ThreadGroup.SSE),
                    Map.entry("sse-tail-streaming-events", ThreadGroup.SSE),
                    Map.entry("data-plane-kafka-request-handler-3", ThreadGroup.KAFKA_BROKER),
                    Map.entry(
                            "data-plane-kafka-network-thread-1-PLAINTEXT-PLAINTEXT-0",
                            ThreadGroup.KAFKA_BROKER),
                    Map.entry("kafka-1-raft-io-thread", ThreadGroup.KAFKA_BROKER),
                    Map.entry("kafka-scheduler-4", ThreadGroup.KAFKA_BROKER),
                    Map.entry("ExpirationReaper-1-Produce", ThreadGroup.KAFKA_BROKER),
                    Map.entry("executor-Fetch", ThreadGroup.KAFKA_BROKER),
                    Map.entry("Source: kafka-streaming-events (1/1)#0", ThreadGroup.FLINK_SOURCE),
                    Map.entry(
                            "Source Data Fetcher for Source: kafka-streaming-events (1/1)#0",
                            ThreadGroup.FLINK_SOURCE),
                    Map.entry(
                            "route-parse-dedup -> live-watermarks (1/1)#0",
                            ThreadGroup.FLINK_ROUTE),
                    Map.entry(
                            "OutputFlusher for route-parse-dedup -> live-watermarks (1/1)#0",
                            ThreadGroup.FLINK_ROUTE),
                    Map.entry("clickhouse: Writer (1/1)#0", ThreadGroup.FLINK_SINK),
                    Map.entry(
                            "Time Trigger for clickhouse: Writer (1/1)#0", ThreadGroup.FLINK_SINK),
                    Map.entry("HttpClient-4-Worker-0", ThreadGroup.FLINK_SINK),
                    Map.entry(
                            "live-windows -> (live-metrics: Writer -> live-metrics: Committer)"
                                    + " (1/1)#0",
                            ThreadGroup.FLINK_LIVE),
                    Map.entry("kafka-producer-network-thread | producer-1", ThreadGroup.FLINK_LIVE),
                    Map.entry(
                            "Flink-RocksDBStateDataTransferHelper-thread-1",
                            ThreadGroup.FLINK_RUNTIME),
                    Map.entry("flink-pekko.actor.default-dispatcher-4", ThreadGroup.FLINK_RUNTIME),
                    Map.entry("AsyncOperations-thread-1", ThreadGroup.FLINK_RUNTIME),
                    Map.entry(
                            "kafka-admin-client-thread |"
                                    + " livepeer-analytics-processor-enumerator-admin-client",
                            ThreadGroup.FLINK_RUNTIME),
                    Map.entry("GC Thread#0", ThreadGroup.JVM),
                    Map.entry("C2 CompilerThread0", ThreadGroup.JVM),
                    Map.entry("main", ThreadGroup.OTHER),
                    Map.entry("pool-9-thread-1", ThreadGroup.OTHER));

    @Test
    void everyThreadNameSeenInTheLauncherLandsInItsGroup() {
        SEEN.forEach((name, group) -> assertEquals(group, ThreadGroup.of(name), name));
    }

    @Test
    void flinkGroupsAreTheFlinkOnes() {
        assertEquals(true, ThreadGroup.FLINK_SINK.isFlink());
        assertEquals(false, ThreadGroup.KAFKA_BROKER.isFlink());
    }
}
