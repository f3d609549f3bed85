package org.livepeer.analytics.testkit.flink;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;

/**
 * A Flink MiniCluster for ITs, through Flink's own JUnit 5 extension:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final MiniClusterExtension FLINK = FlinkMiniCluster.extension();
 * }</pre>
 *
 * While it runs, {@code StreamExecutionEnvironment.getExecutionEnvironment()} submits to it. One
 * task manager with {@value #SLOTS} slots, matching the 2-core machines the project targets.
 */
public final class FlinkMiniCluster {
    public static final int TASK_MANAGERS = 1;
    public static final int SLOTS = 2;

    private FlinkMiniCluster() {}

    /** A MiniCluster shared by the tests of one class. */
    public static MiniClusterExtension extension() {
        return extension(new Configuration());
    }

    /** Like {@link #extension()} with extra Flink configuration (checkpointing, memory...). */
    public static MiniClusterExtension extension(Configuration configuration) {
        return new MiniClusterExtension(
                new MiniClusterResourceConfiguration.Builder()
                        .setConfiguration(configuration)
                        .setNumberTaskManagers(TASK_MANAGERS)
                        .setNumberSlotsPerTaskManager(SLOTS)
                        .build());
    }
}
