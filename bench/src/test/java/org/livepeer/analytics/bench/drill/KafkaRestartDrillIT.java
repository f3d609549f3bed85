package org.livepeer.analytics.bench.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kafka broker drill of docs/reliability.md at CI's size: the pipeline under a sustained load
 * of the production mix, the broker stopped for 15 s in the middle and started again on the same
 * log directory and port. Every event answered {@code 202} must end up archived and typed, none
 * doubled after {@code FINAL}, and the hourly rollup must equal a fresh recompute. The drills at
 * 500,000 events run from {@link DrillMain}.
 */
class KafkaRestartDrillIT {

    @TempDir Path out;

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void aBrokerRestartUnderLoadLosesAndDoublesNothing() throws Exception {
        DrillOptions o =
                DrillOptions.parse(
                        new String[] {
                            "--drills", "kafka",
                            "--events", "30000",
                            "--rate", "2000",
                            "--outage", "15",
                            "--drain-timeout", "180",
                            "--rollup-timeout", "60",
                            "--repo", "..",
                            "--out", out.toString()
                        });

        DrillReport r = new DrillRun(o, "it").run(Fault.KAFKA);

        System.out.println(DrillTables.drill(r));
        assertEquals("", r.error, "the drill ran");
        IdAccounting.Result c = r.counts;
        assertTrue(c.acked() >= 30_000, "acknowledged " + c.acked());
        assertEquals(0, c.missingRaw(), "acknowledged events missing from the raw archive");
        assertEquals(0, c.missingTyped(), "acknowledged events missing from the typed tables");
        assertEquals(0, c.doubled(), "typed rows doubled after FINAL");
        assertEquals(0, c.shortRows(), "typed rows missing for events present");
        assertEquals(c.rawIds(), c.typedIds(), "every archived event is typed (all are valid)");
        assertEquals(0, r.drift.differing(), "hourly rollup vs recompute: " + r.drift.answer());
    }
}
