package org.livepeer.analytics.processor.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.streaming.api.operators.StreamMap;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Many late events give one warning per minute, each with the count since the previous one. */
class LateEventCounterTest {

    private static final AtomicLong NOW = new AtomicLong();

    private final PrintStream stderr = System.err;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @AfterEach
    void restoreStderr() {
        System.setErr(stderr);
    }

    @Test
    void aBurstOfLateEventsLogsOneLinePerMinuteWithTheCountSinceTheLastLine() throws Exception {
        NOW.set(1_000_000);
        // slf4j-simple (the tests' backend) writes to whatever System.err is at the time.
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try (OneInputStreamOperatorTestHarness<LivePartial, LivePartial> h =
                new OneInputStreamOperatorTestHarness<>(
                        new StreamMap<>(new LateEventCounter(NOW::get)))) {
            h.open();
            // A replay: 25,000 late events in 25 partials within one second, and other scopes'
            // copies of them, which must not count twice.
            for (int i = 0; i < 25; i++) {
                NOW.addAndGet(40);
                h.processElement(new StreamRecord<>(partial("network|", 1_000)));
                h.processElement(new StreamRecord<>(partial("orchestrator|0xa", 1_000)));
            }
            assertEquals(List.of("1000 event(s)"), warnings());

            NOW.addAndGet(LateEventCounter.LOG_INTERVAL_MS);
            h.processElement(new StreamRecord<>(partial("network|", 7)));

            assertEquals(List.of("1000 event(s)", "24007 event(s)"), warnings());
            // The metric counts every late event once, whatever was logged.
            assertTrue(log.toString(StandardCharsets.UTF_8).contains("(25007 since start;"));
        }
    }

    /** The leading "N event(s)" of each late-event warning logged so far. */
    private List<String> warnings() {
        return log.toString(StandardCharsets.UTF_8)
                .lines()
                .filter(l -> l.contains("WARN") && l.contains("too late for the live windows"))
                .map(l -> l.replaceAll(".* - (\\d+ event\\(s\\)).*", "$1"))
                .toList();
    }

    private static LivePartial partial(String scopeKey, long signals) {
        LivePartial p = new LivePartial(scopeKey);
        p.signals = signals;
        p.lastEventType = "ai_stream_status";
        p.lastEventTsMs = NOW.get() - 120_000;
        return p;
    }
}
