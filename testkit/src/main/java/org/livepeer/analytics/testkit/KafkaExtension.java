package org.livepeer.analytics.testkit;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.livepeer.analytics.kafka.embedded.EmbeddedKafkaBroker;

/** Backs {@link WithKafka}: starts the broker once per test class and injects it. */
public final class KafkaExtension extends ClassFixtureExtension<EmbeddedKafkaBroker> {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(KafkaExtension.class);

    @Override
    EmbeddedKafkaBroker fixture(ExtensionContext context) {
        return broker(context);
    }

    @Override
    boolean injects(Class<?> type) {
        return type == EmbeddedKafkaBroker.class;
    }

    /** The broker of the test class that {@code context} belongs to, started on first use. */
    public static EmbeddedKafkaBroker broker(ExtensionContext context) {
        return ClassScope.store(context, NAMESPACE)
                .getOrComputeIfAbsent(
                        RunningBroker.class, k -> RunningBroker.start(), RunningBroker.class)
                .broker();
    }

    /** Closed by JUnit when the class's store is closed (values that are AutoCloseable are). */
    private record RunningBroker(EmbeddedKafkaBroker broker, Path dir) implements AutoCloseable {
        static RunningBroker start() {
            Path dir = Directories.create("kafka-it-");
            return new RunningBroker(EmbeddedKafkaBroker.start(dir, 0), dir);
        }

        @Override
        public void close() {
            broker.close();
            if (!Directories.keepAll()) {
                Directories.deleteRecursively(dir);
            }
        }
    }
}
