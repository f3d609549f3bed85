package org.livepeer.analytics.processor.jar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shaded {@code -job.jar} (built in {@code package}, so this runs as an IT) holds the job and
 * the Kafka connector but none of Flink's own classes, which the cluster provides.
 */
class JobJarIT {

    private static final String TABLE_FACTORIES =
            "META-INF/services/org.apache.flink.table.factories.Factory";

    @Test
    void theJobJarBundlesTheConnectorButNotFlink() throws IOException {
        Path jar = jobJar();
        try (JarFile file = new JarFile(jar.toFile())) {
            assertEquals(
                    "org.livepeer.analytics.processor.ProcessorJob",
                    file.getManifest().getMainAttributes().getValue("Main-Class"));
            assertNotNull(file.getEntry("org/livepeer/analytics/processor/ProcessorJob.class"));
            assertNotNull(file.getEntry("org/livepeer/analytics/event/json/StrictJson.class"));
            assertNotNull(
                    file.getEntry("org/apache/flink/connector/kafka/source/KafkaSource.class"));
            assertNotNull(
                    file.getEntry(
                            "org/apache/flink/connector/base/source/reader/RecordEmitter.class"));
            assertNotNull(file.getEntry("org/apache/kafka/clients/consumer/KafkaConsumer.class"));
            assertTrue(
                    file.stream()
                            .noneMatch(
                                    e ->
                                            e.getName()
                                                    .startsWith(
                                                            "org/apache/flink/streaming/api/environment/")),
                    "flink-streaming-java is not bundled");
            assertTrue(
                    file.stream()
                            .noneMatch(e -> e.getName().startsWith("org/apache/flink/runtime/")),
                    "flink-runtime is not bundled");
            assertTrue(
                    file.stream().noneMatch(e -> e.getName().startsWith("org/slf4j/")),
                    "the cluster's logging is used");
            String services =
                    new String(
                            file.getInputStream(file.getEntry(TABLE_FACTORIES)).readAllBytes(),
                            StandardCharsets.UTF_8);
            assertTrue(services.contains("kafka"), "service files are kept: " + services);
        }
    }

    private static Path jobJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().endsWith("-job.jar"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no *-job.jar in target/"));
        }
    }
}
