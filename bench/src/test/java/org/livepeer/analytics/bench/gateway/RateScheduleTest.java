package org.livepeer.analytics.bench.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class RateScheduleTest {

    @Test
    void requestsAreDueAtFixedIntervalsFromTheStart() {
        RateSchedule schedule = new RateSchedule(1_000, 4000);

        assertEquals(1_000, schedule.dueNanos(0));
        assertEquals(251_000, schedule.dueNanos(1));
        assertEquals(1_000_001_000L, schedule.dueNanos(4000));
    }

    @Test
    void dueByCountsEveryRequestWhoseTimeHasCome() {
        RateSchedule schedule = new RateSchedule(1_000, 4000);

        assertEquals(0, schedule.dueBy(999));
        assertEquals(1, schedule.dueBy(1_000));
        assertEquals(1, schedule.dueBy(250_999));
        assertEquals(2, schedule.dueBy(251_000));
        assertEquals(4001, schedule.dueBy(1_000_001_000L));
    }

    @Test
    void fractionalPeriodsDoNotDrift() {
        RateSchedule schedule = new RateSchedule(0, 15_000);

        assertEquals(150_000, schedule.countIn(10));
        assertEquals(10_000_000_000L, schedule.dueNanos(150_000));
        assertEquals(150_001, schedule.dueBy(10_000_000_000L));
    }

    @Test
    void rateMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new RateSchedule(0, 0));
    }

    @Test
    void medianOfOddAndEvenRunCounts() {
        RunResult a = result(10);
        RunResult b = result(30);
        RunResult c = result(20);

        assertEquals(20, ResultTable.median(List.of(a, b, c), RunResult::p99Ms));
        assertEquals(15, ResultTable.median(List.of(a, c), RunResult::p99Ms));
    }

    private static RunResult result(double p99) {
        return new RunResult(
                "kafka",
                BodyForm.SINGLE,
                LoadModel.OPEN,
                100,
                100,
                1000,
                0,
                1300,
                1,
                p99,
                p99,
                p99,
                20.5,
                41.25,
                30.0);
    }

    @Test
    void resultSurvivesTheTripFromTheLoadProcess() {
        RunResult r = result(12.5);

        assertEquals(r, RunResult.fromWire(r.wire()));
        assertEquals(7.0, r.withCpu(3.0, 7.0, 5.0).serverCpuUs());
        assertEquals(5.0, r.withCpu(3.0, 7.0, 5.0).gatewayCpuUs());
    }
}
