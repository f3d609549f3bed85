package org.livepeer.analytics.bench.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void closedLoopRunsOverTheConnectionCounts() {
        BenchOptions options =
                BenchOptions.parse(
                        new String[] {
                            "--model",
                            "closed",
                            "--concurrency",
                            "1,16",
                            "--targets",
                            "kafka,linger5"
                        });

        assertEquals(LoadModel.CLOSED, options.model());
        assertEquals(List.of(1, 16), options.loads());
        assertEquals(List.of(1000, 5000), BenchOptions.parse(new String[0]).loads());
    }

    @Test
    void targetsBecomeProducerVariables() {
        assertEquals(Map.of(), BenchOptions.producerEnv("kafka"));
        assertEquals("5", BenchOptions.producerEnv("linger5").get("KAFKA_PRODUCER_LINGER_MS"));
        assertEquals(
                "5",
                BenchOptions.producerEnv("linger0")
                        .get("KAFKA_PRODUCER_MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION"));
        assertEquals(
                Map.of("KAFKA_PRODUCER_LINGER_MS", "2", "KAFKA_PRODUCER_BATCH_SIZE", "65536"),
                BenchOptions.producerEnv("kafka+linger.ms=2+batch.size=65536"));
    }

    @Test
    void unknownTargetsAndBadVariantsAreRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> BenchOptions.parse(new String[] {"--targets", "bridge"}));
        assertThrows(
                IllegalArgumentException.class,
                () -> BenchOptions.parse(new String[] {"--targets", "kafka+linger.ms"}));
        assertThrows(
                IllegalArgumentException.class,
                () -> BenchOptions.parse(new String[] {"--concurrency", "0"}));
    }
}
