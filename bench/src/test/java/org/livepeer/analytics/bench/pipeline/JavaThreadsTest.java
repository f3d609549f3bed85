package org.livepeer.analytics.bench.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class JavaThreadsTest {

    @Test
    void threadDumpGivesNamesByNativeId() {
        String dump =
                """
                2026-12-02 04:26:40
                Full thread dump OpenJDK 64-Bit Server VM (17.0.15+6-Debian-1deb12u1 mixed mode):

                "gateway-kafka-sender" #120 daemon prio=5 os_prio=0 cpu=1.2ms elapsed=3.1s \
                tid=0x00007f nid=0x191f waiting on condition  [0x00007f]
                   java.lang.Thread.State: WAITING (parking)

                "Source: kafka-streaming-events (1/1)#0" #80 prio=5 os_prio=0 cpu=10ms \
                elapsed=40s tid=0x1 nid=0x174f runnable
                "GC Thread#0" os_prio=0 cpu=525.31ms elapsed=70.54s tid=0x00007fc1a4032180 \
                nid=0x1635 runnable
                """;

        assertEquals(
                Map.of(
                        0x191f, "gateway-kafka-sender",
                        0x174f, "Source: kafka-streaming-events (1/1)#0",
                        0x1635, "GC Thread#0"),
                JavaThreads.parseThreadDump(dump));
    }

    @Test
    void heapUsedIsTheSumOfTheGenerations() {
        String parallel =
                """
                12345:
                 PSYoungGen      total 76288K, used 10486K [0x00000007, 0x0000000, 0x00000)
                  eden space 65536K, 16% used [0x0000,0x0000,0x0000)
                 ParOldGen       total 175104K, used 2048K [0x0000, 0x0000, 0x0000)
                 Metaspace       used 5000K, committed 5120K, reserved 1056768K
                """;
        String g1 =
                """
                 garbage-first heap   total 262144K, used 21504K [0x0000, 0x0000)
                  region size 1024K, 19 young (19456K), 0 survivors (0K)
                 Metaspace       used 790K, committed 960K, reserved 1114112K
                """;

        assertEquals(12534, JavaThreads.parseHeapUsedKib(parallel));
        assertEquals(21504, JavaThreads.parseHeapUsedKib(g1));
        assertEquals(-1, JavaThreads.parseHeapUsedKib("12345: no such process"));
    }
}
