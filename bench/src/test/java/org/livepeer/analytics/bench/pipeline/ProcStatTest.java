package org.livepeer.analytics.bench.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcStatTest {

    @Test
    void utimePlusStimeAreFields14And15() {
        ProcStat.Line line =
                ProcStat.parse(
                        "5851 (clickhouse-serv) S 5681 5851 5851 0 -1 4194304 10705 0 2 0 13 9 0 0"
                                + " 20 0 29 0 339763 669548544 22421");

        assertEquals(new ProcStat.Line(5851, "clickhouse-serv", 22), line);
    }

    @Test
    void commWithSpacesAndParenthesesIsReadToTheLastOne() {
        ProcStat.Line line =
                ProcStat.parse("77 (Source: a) (1/) R 1 1 1 0 -1 0 0 0 0 0 150 50 0 0 20 0 1 0 9");

        assertEquals("Source: a) (1/", line.comm());
        assertEquals(200, line.ticks());
    }

    @Test
    void refusesWhatIsNotAStatLine() {
        assertThrows(IllegalArgumentException.class, () -> ProcStat.parse("no parentheses"));
        assertThrows(IllegalArgumentException.class, () -> ProcStat.parse("1 (x) S 1 2"));
    }

    @Test
    void cpuSnapshotsGroupThreadsAndPutTheRestInOther() {
        CpuSnapshot before =
                new CpuSnapshot(
                        100,
                        Map.of(1, new ProcStat.Line(1, "gateway-kafka-s", 10)),
                        Map.of(1, "gateway-kafka-sender"));
        CpuSnapshot after =
                new CpuSnapshot(
                        180,
                        Map.of(
                                1, new ProcStat.Line(1, "gateway-kafka-s", 30),
                                2, new ProcStat.Line(2, "route-parse-ded", 40)),
                        Map.of(1, "gateway-kafka-sender", 2, "route-parse-dedup -> x"));

        Map<ThreadGroup, Long> groups = after.groupNanosSince(before);

        assertEquals(20 * ProcStat.TICK_NANOS, groups.get(ThreadGroup.GATEWAY));
        assertEquals(40 * ProcStat.TICK_NANOS, groups.get(ThreadGroup.FLINK_ROUTE));
        // 80 ticks for the process, 60 of them in named threads: an ended thread's 20 are "other".
        assertEquals(20 * ProcStat.TICK_NANOS, groups.get(ThreadGroup.OTHER));
        assertEquals(80 * ProcStat.TICK_NANOS, after.processNanosSince(before));
    }
}
