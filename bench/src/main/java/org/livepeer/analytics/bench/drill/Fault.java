package org.livepeer.analytics.bench.drill;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The fault a drill injects in the middle of its load. Each returns a line saying what it did, with
 * the times of its steps.
 */
enum Fault {
    /** {@code clickhouse-server} stopped, started again after the outage on the same data dir. */
    CLICKHOUSE("ClickHouse stopped for the outage") {
        @Override
        String inject(DrillPipeline p, DrillOptions o) throws Exception {
            Timeline t = new Timeline();
            p.stopClickHouse();
            t.mark("stopped");
            TimeUnit.SECONDS.sleep(o.outageS());
            p.startClickHouse();
            return t.mark("started again");
        }
    },
    /** The Kafka broker stopped, started again after the outage on the same log dir and port. */
    KAFKA("Kafka broker stopped and restarted") {
        @Override
        String inject(DrillPipeline p, DrillOptions o) throws Exception {
            Timeline t = new Timeline();
            p.stopKafka();
            t.mark("stopped");
            TimeUnit.SECONDS.sleep(o.outageS());
            p.startKafka();
            return t.mark("started again");
        }
    },
    /** The MiniCluster's TaskManager shut down and replaced: the job fails and restores itself. */
    FLINK("Flink TaskManager lost, job restored") {
        @Override
        String inject(DrillPipeline p, DrillOptions o) throws Exception {
            Timeline t = new Timeline();
            long completed = p.flink().rest().completedCheckpointsOrZero();
            p.flink().replaceTaskManager();
            t.mark("TaskManager replaced");
            p.flink().awaitRunningWithCheckpoint(completed);
            return t.mark("job running with a new checkpoint");
        }
    },
    /** The gateway's JVM killed with SIGKILL and a new one started on the same port. */
    GATEWAY("gateway SIGKILL'd and restarted") {
        @Override
        String inject(DrillPipeline p, DrillOptions o) throws Exception {
            Timeline t = new Timeline();
            long pid = p.gatewayPid();
            p.killAndRestartGateway();
            return t.mark("pid " + pid + " killed, new gateway listening");
        }
    };

    private final String title;

    Fault(String title) {
        this.title = title;
    }

    String title() {
        return title;
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    abstract String inject(DrillPipeline p, DrillOptions o) throws Exception;

    /** Seconds since the fault began, step by step. */
    private static final class Timeline {
        private final long start = System.nanoTime();
        private final StringBuilder steps = new StringBuilder();

        String mark(String step) {
            if (steps.length() > 0) {
                steps.append(", ");
            }
            steps.append(step)
                    .append(" at +")
                    .append(String.format(Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9))
                    .append(" s");
            DrillLog.say(step);
            return steps.toString();
        }
    }
}
