package org.livepeer.analytics.bench.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class DrillOptionsTest {

    @Test
    void defaultsRunEveryDrillAtHalfAMillionEvents() {
        DrillOptions o = DrillOptions.parse(new String[0]);

        assertEquals(
                List.of(Fault.CLICKHOUSE, Fault.KAFKA, Fault.FLINK, Fault.GATEWAY), o.drills());
        assertEquals(500_000, o.events());
        assertEquals(3_000, o.rate());
        assertEquals(60, o.outageS());
        assertEquals(5_000, o.rollupRefreshMs());
        assertEquals(2 * 500_000 / 3_000 + 60 + 60, o.loadLimitS());
    }

    @Test
    void drillsAreChosenByName() {
        DrillOptions o = DrillOptions.parse(new String[] {"--drills", "gateway, kafka"});

        assertEquals(List.of(Fault.GATEWAY, Fault.KAFKA), o.drills());
    }

    @Test
    void badOptionsAreRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> DrillOptions.parse(new String[] {"--drills", "network"}));
        assertThrows(
                IllegalArgumentException.class,
                () -> DrillOptions.parse(new String[] {"--events", "0"}));
        assertThrows(
                IllegalArgumentException.class,
                () -> DrillOptions.parse(new String[] {"--speed", "1"}));
    }
}
