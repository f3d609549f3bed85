package org.livepeer.analytics.bench.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineOptionsTest {

    @Test
    void defaultsAreTheFullMatrix() {
        PipelineOptions o = PipelineOptions.parse(new String[0]);

        assertEquals(List.of(5000, 10000, 20000, 30000), o.rates());
        assertEquals(120, o.durationS());
        assertEquals(100, o.batch());
        assertEquals(0, o.malformedAt());
        assertEquals(List.of("-XX:+UseParallelGC"), o.javaOpts());
    }

    @Test
    void smokeOptions() {
        PipelineOptions o =
                PipelineOptions.parse(
                        new String[] {
                            "--rates",
                            "2000",
                            "--duration",
                            "20",
                            "--malformed-at",
                            "2000",
                            "--baseline-rates",
                            "none",
                            "--probe-interval-ms",
                            "50"
                        });

        assertEquals(List.of(2000), o.rates());
        assertEquals(20, o.durationS());
        assertEquals(2000, o.malformedAt());
        assertEquals(0.01, o.malformedRate());
        assertEquals(List.of(), o.baselineRates());
        assertEquals(50, o.probeIntervalMs());
    }

    @Test
    void refusesWhatItDoesNotKnow() {
        assertThrows(
                IllegalArgumentException.class,
                () -> PipelineOptions.parse(new String[] {"--rate", "5000"}));
        assertThrows(
                IllegalArgumentException.class,
                () -> PipelineOptions.parse(new String[] {"--rates", "0"}));
        assertThrows(
                IllegalArgumentException.class,
                () -> PipelineOptions.parse(new String[] {"--malformed-rate", "0.7"}));
        assertThrows(
                IllegalArgumentException.class,
                () -> PipelineOptions.parse(new String[] {"--duration"}));
    }
}
