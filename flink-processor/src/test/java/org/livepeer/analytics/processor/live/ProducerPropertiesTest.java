package org.livepeer.analytics.processor.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.livepeer.analytics.processor.config.ProcessorConfig;

/** The live-metrics sink's producer: a short linger by default, the pass-through wins. */
class ProducerPropertiesTest {

    @Test
    void passThroughReachesTheSinkProperties() {
        ProcessorConfig config =
                ProcessorConfig.fromEnv(
                        Map.of(
                                "KAFKA_PRODUCER_LINGER_MS", "5",
                                "KAFKA_PRODUCER_COMPRESSION_TYPE", "zstd"));

        Properties p = LiveMetricsSink.producerProperties(config.kafkaProducer());

        assertEquals("5", p.getProperty("linger.ms"));
        assertEquals("zstd", p.getProperty("compression.type"));
        assertEquals("20", LiveMetricsSink.producerProperties(Map.of()).getProperty("linger.ms"));
    }
}
