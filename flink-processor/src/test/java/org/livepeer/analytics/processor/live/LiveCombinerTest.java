package org.livepeer.analytics.processor.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class LiveCombinerTest {

    private static final long WINDOW_MS = 5_000;

    private static LiveSignal signal(String scope, String key, long ts, double fps) {
        LiveSignal s = new LiveSignal();
        s.eventType = "ai_stream_status";
        s.eventTsMs = ts;
        s.outputFps = fps;
        return s.scoped(scope, key);
    }

    private static OneInputStreamOperatorTestHarness<LiveSignal, LivePartial> harness()
            throws Exception {
        OneInputStreamOperatorTestHarness<LiveSignal, LivePartial> h =
                new OneInputStreamOperatorTestHarness<>(new LiveCombiner(WINDOW_MS));
        h.open();
        return h;
    }

    private static void send(
            OneInputStreamOperatorTestHarness<LiveSignal, LivePartial> h, LiveSignal s)
            throws Exception {
        h.processElement(new StreamRecord<>(s, s.eventTsMs));
    }

    /**
     * The output so far: "scopeKey@timestamp signals fps..." per partial, "W<ts>" per watermark.
     */
    private static List<String> output(
            OneInputStreamOperatorTestHarness<LiveSignal, LivePartial> h) {
        List<String> out = new ArrayList<>();
        for (Object o : h.getOutput()) {
            if (o instanceof Watermark w) {
                out.add("W" + w.getTimestamp());
            } else {
                @SuppressWarnings("unchecked")
                StreamRecord<LivePartial> r = (StreamRecord<LivePartial>) o;
                LivePartial p = r.getValue();
                out.add(
                        p.scopeKey
                                + "@"
                                + r.getTimestamp()
                                + " "
                                + p.signals
                                + " "
                                + p.accumulator.outputFps);
            }
        }
        return out;
    }

    @Test
    void foldsEachScopeKeysWindowAndSendsItBeforeTheWatermarkThatClosesIt() throws Exception {
        var h = harness();
        send(h, signal(LiveSignal.Scope.NETWORK, "", 100, 10));
        send(h, signal(LiveSignal.Scope.NETWORK, "", 4_999, 20));
        send(h, signal(LiveSignal.Scope.ORCHESTRATOR, "o1", 200, 30));
        send(h, signal(LiveSignal.Scope.NETWORK, "", 5_000, 40));
        h.processWatermark(new Watermark(4_998));
        assertEquals(List.of("W4998"), output(h), "no window has closed yet");

        h.processWatermark(new Watermark(4_999));
        List<String> out = output(h);
        assertEquals(4, out.size(), out.toString());
        assertTrue(out.subList(1, 3).contains("network|@4999 2 [10.0, 20.0]"), out.toString());
        assertTrue(out.subList(1, 3).contains("orchestrator|o1@4999 1 [30.0]"), out.toString());
        assertEquals("W4999", out.get(3));
        // The next window's signal was held until now.
        h.prepareSnapshotPreBarrier(1);
        assertEquals("network|@9999 1 [40.0]", output(h).get(4));
        h.close();
    }

    @Test
    void aCheckpointBarrierSendsEverythingHeldSoTheSnapshotMissesNothing() throws Exception {
        var h = harness();
        send(h, signal(LiveSignal.Scope.NETWORK, "", 100, 10));
        send(h, signal(LiveSignal.Scope.PIPELINE, "p", 7_000, 50));
        h.prepareSnapshotPreBarrier(1);
        List<String> out = output(h);
        assertEquals(2, out.size(), out.toString());
        assertTrue(out.contains("network|@4999 1 [10.0]"), out.toString());
        assertTrue(out.contains("pipeline|p@9999 1 [50.0]"), out.toString());
        h.close();
    }

    @Test
    void aSignalForAClosedWindowGoesOnWithTheNextWatermark() throws Exception {
        var h = harness();
        h.processWatermark(new Watermark(9_999));
        send(h, signal(LiveSignal.Scope.NETWORK, "", 1_000, 5));
        h.processWatermark(new Watermark(10_100));
        assertEquals(List.of("W9999", "network|@4999 1 [5.0]", "W10100"), output(h));
        h.close();
    }
}
