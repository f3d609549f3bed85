package org.livepeer.analytics.processor.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.livepeer.analytics.processor.config.ProcessorConfig;

/** The properties both Kafka sources are built with: the pass-through, then what the job needs. */
class ConsumerPropertiesTest {

    @Test
    void passThroughReachesTheSourceProperties() {
        ProcessorConfig config =
                ProcessorConfig.fromEnv(
                        Map.of(
                                "KAFKA_CONSUMER_MAX_POLL_RECORDS", "500",
                                "KAFKA_CONSUMER_SECURITY_PROTOCOL", "SSL",
                                "PROCESSOR_PARTITION_DISCOVERY_MS", "2500"));

        Properties p = EventSource.consumerProperties(config);

        assertEquals("500", p.getProperty("max.poll.records"));
        assertEquals("SSL", p.getProperty("security.protocol"));
        assertEquals("true", p.getProperty("commit.offsets.on.checkpoint"));
        assertEquals("2500", p.getProperty("partition.discovery.interval.ms"));
    }
}
