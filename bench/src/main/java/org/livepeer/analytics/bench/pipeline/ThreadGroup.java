package org.livepeer.analytics.bench.pipeline;

import java.util.List;

/**
 * Which component of the embedded pipeline a thread works for, decided by its Java name (as {@code
 * jcmd Thread.print} prints it; the kernel's {@code comm} is cut to 15 characters). The launcher
 * runs the gateway and the SSE API on one Vert.x instance. The gateway is deployed first, with
 * {@code GATEWAY_EVENT_LOOPS=1}: its HTTP server runs on event loop 1 (loop 0 took the deployment's
 * own context), which a run whose every request was refused with 400 confirmed (all of the
 * request-handling CPU on {@code vert.x-eventloop-thread-1}); the SSE API's loops are the others.
 */
enum ThreadGroup {
    GATEWAY("gateway"),
    KAFKA_BROKER("kafka broker"),
    FLINK_SOURCE("flink source"),
    FLINK_ROUTE("flink route-parse-dedup"),
    FLINK_SINK("flink clickhouse sink"),
    FLINK_LIVE("flink live"),
    FLINK_RUNTIME("flink runtime"),
    SSE("sse"),
    JVM("jvm (gc, jit)"),
    OTHER("other");

    private static final List<String> TASK_PREFIXES =
            List.of(
                    "OutputFlusher for ",
                    "System Time Trigger for ",
                    "Time Trigger for ",
                    "Source Data Fetcher for ");

    private static final List<String> BROKER =
            List.of(
                    "data-plane-kafka",
                    "kafka-scheduler",
                    "kafka-log-cleaner",
                    "kafka-1-",
                    "broker-",
                    "controller-",
                    "quorum-controller",
                    "raft-",
                    "group-coordinator",
                    "share-",
                    "transaction-log-manager",
                    "ExpirationReaper",
                    "AddPartitionsToTxn",
                    "TxnMarkerSender",
                    "LogDirFailureHandler",
                    "PersisterStateManager",
                    "persister-state-manager",
                    "client-metrics-reaper",
                    "executor-",
                    "metrics-meter-tick-thread",
                    "SensorExpiryThread");

    private static final List<String> FLINK_RUNTIME_PREFIXES =
            List.of(
                    "Flink-",
                    "flink-",
                    "jobmanager",
                    "taskmanager",
                    "resourcemanager",
                    "mini-cluster",
                    "AsyncOperations",
                    "SourceCoordinator",
                    "Checkpoint Timer",
                    "IOManager",
                    "BLOB Server",
                    "rocksdb",
                    "kafka-admin-client-thread",
                    "CloseableReaperThread",
                    "Cleaner-");

    private static final List<String> JVM_PREFIXES =
            List.of(
                    "GC Thread",
                    "G1 ",
                    "VM Thread",
                    "VM Periodic Task",
                    "C1 CompilerThread",
                    "C2 CompilerThread",
                    "Sweeper thread",
                    "Service Thread",
                    "Monitor Deflation",
                    "Common-Cleaner",
                    "Reference Handler",
                    "Finalizer",
                    "Signal Dispatcher",
                    "Notification Thread",
                    "Attach Listener");

    static final String GATEWAY_EVENT_LOOP = "vert.x-eventloop-thread-1";

    private final String label;

    ThreadGroup(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    boolean isFlink() {
        return name().startsWith("FLINK_");
    }

    /** The group of a thread of the pipeline's JVM, by its Java thread name. */
    static ThreadGroup of(String threadName) {
        String name = threadName;
        if (isGateway(name)) {
            return GATEWAY;
        }
        if (name.startsWith("vert.x-") || name.startsWith("sse-")) {
            return SSE;
        }
        if (startsWithAny(name, BROKER)) {
            return KAFKA_BROKER;
        }
        for (String prefix : TASK_PREFIXES) {
            if (name.startsWith(prefix)) {
                name = name.substring(prefix.length());
            }
        }
        ThreadGroup task = flinkTask(name);
        if (task != null) {
            return task;
        }
        if (startsWithAny(name, FLINK_RUNTIME_PREFIXES)) {
            return FLINK_RUNTIME;
        }
        return startsWithAny(name, JVM_PREFIXES) ? JVM : OTHER;
    }

    private static boolean isGateway(String name) {
        return name.equals(GATEWAY_EVENT_LOOP)
                || name.startsWith("vert.x-acceptor-thread")
                || name.startsWith("gateway-")
                || name.endsWith("| ingest-gateway")
                || name.endsWith("| ingest-gateway-readiness");
    }

    private static ThreadGroup flinkTask(String name) {
        if (name.startsWith("Source: ")) {
            return FLINK_SOURCE;
        }
        if (name.startsWith("route-parse-dedup")) {
            return FLINK_ROUTE;
        }
        // The sink's inserts go through java.net.http's client (its selector and workers).
        if (name.startsWith("clickhouse") || name.startsWith("HttpClient-")) {
            return FLINK_SINK;
        }
        // The live windows' Kafka producer is the only other producer in the process.
        if (name.startsWith("live-") || name.startsWith("kafka-producer-network-thread")) {
            return FLINK_LIVE;
        }
        return null;
    }

    private static boolean startsWithAny(String name, List<String> prefixes) {
        for (String prefix : prefixes) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
