package org.livepeer.analytics.sse.fanout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.livepeer.analytics.http.Slots;
import org.livepeer.analytics.sse.metrics.SseMetrics;

/** One client's queue in front of its socket: straight through, queued, dropped. */
class SubscriberTest {

    private final Vertx vertx = Vertx.vertx();
    private final SseMetrics metrics = new SseMetrics();
    private final Hub hub =
            new Fanout(r -> null, new Slots(10), metrics.stream("events"))
                    .newHub(vertx.getOrCreateContext());
    private final FakeSocket socket = new FakeSocket();

    @AfterEach
    void close() {
        vertx.close().await();
    }

    private Subscriber subscriber(int frames, long bytes) {
        return new Subscriber(
                vertx,
                socket.response,
                socket.connection,
                m -> m.field("type").equals("wanted"),
                new Subscriber.Limits(frames, bytes),
                hub);
    }

    private static Buffer frame(String text) {
        return Buffer.buffer(text);
    }

    @Test
    void framesGoStraightToASocketThatKeepsUp() {
        Subscriber s = subscriber(10, 1_000);

        assertTrue(s.offer(frame("a"), 1));
        assertTrue(s.offer(frame("b"), 1));

        assertEquals("ab", socket.text());
        assertEquals(0, s.pending(), "the socket took both");
    }

    @Test
    void theFilterDecidesWhatTheClientWants() {
        Subscriber s = subscriber(10, 1_000);
        Routed wanted = new Routed(null, frame("x"), Map.of("type", "wanted"));
        Routed other = new Routed(null, frame("y"), Map.of("type", "other"));

        assertTrue(s.wants(wanted));
        assertFalse(s.wants(other));
    }

    @Test
    void framesQueueWhileTheSocketIsFullAndFollowInOrderOnDrain() {
        Subscriber s = subscriber(10, 1_000);
        socket.full = true;

        assertTrue(s.offer(frame("a"), 1));
        assertTrue(s.offer(frame("bc"), 2));
        assertEquals("", socket.text());
        assertEquals(3, s.pending());

        socket.drain();

        assertEquals("abc", socket.text());
        assertEquals(0, s.pending());
    }

    @Test
    void aClientOverItsFrameLimitGetsAnOverflowEventAndIsDisconnected() {
        Subscriber s = subscriber(2, 1_000);
        socket.full = true;
        assertTrue(s.offer(frame("a"), 1));
        assertTrue(s.offer(frame("b"), 1));

        assertFalse(s.offer(frame("c"), 1));

        assertTrue(s.closed());
        String sent = socket.text();
        assertTrue(sent.startsWith("event: overflow\ndata: {"), sent);
        assertTrue(sent.contains("\"reason\":\"client too slow\""), sent);
        assertTrue(sent.contains("\"queued\":2,\"limit\":2"), sent);
        assertTrue(socket.ended);
        assertTrue(socket.connectionClosed, "closed once the overflow event is flushed");
        assertFalse(s.offer(frame("d"), 1), "a dropped client takes nothing more");
        assertTrue(
                metrics.scrape()
                        .contains(
                                "sse_clients_dropped_total{reason=\"overflow\",stream=\"events\"}"
                                        + " 1.0"));
    }

    @Test
    void bytesNotYetTakenBySocketCountAgainstTheByteLimit() {
        Subscriber s = subscriber(100, 10);
        socket.holdWrites = true;

        // Nothing pending: a write larger than the limit still goes, whole.
        assertTrue(s.offer(frame("0123456789ABC"), 1));
        assertEquals(13, s.pending());
        assertTrue(metrics.scrape().contains("sse_pending_bytes{stream=\"events\"} 13.0"));

        assertFalse(s.offer(frame("x"), 1));

        assertTrue(s.closed());
        assertTrue(socket.text().contains("\"pending_bytes\":13,\"limit_bytes\":10"));
    }

    @Test
    void aReplayGoesOutBeforeTheLiveFramesThatQueuedMeanwhile() {
        Subscriber s = subscriber(10, 1_000);
        s.beginReplay();
        assertTrue(s.offer(frame("live1 "), 1));
        assertTrue(s.offer(frame("live2 "), 1));
        assertEquals("", socket.text(), "live frames wait for the replay");

        s.endReplay(List.of(frame("old1 "), frame("old2 ")));

        assertEquals("old1 old2 live1 live2 ", socket.text());
    }

    @Test
    void aReplayLargerThanTheByteLimitOverflowsTheClient() {
        Subscriber s = subscriber(10, 8);
        socket.holdWrites = true;
        assertTrue(s.offer(frame("live"), 1));
        s.beginReplay();

        s.endReplay(List.of(frame("0123456789")));

        assertTrue(s.closed());
    }

    @Test
    void controlFramesGoNowAheadOfQueuedOnes() {
        Subscriber s = subscriber(10, 1_000);
        socket.full = true;
        s.offer(frame("queued "), 1);

        s.sendNow(frame("gap "));
        socket.drain();

        assertEquals("gap queued ", socket.text());
    }

    @Test
    void heartbeatsGoOnlyWhenTheSocketHasRoom() {
        Subscriber s = subscriber(10, 1_000);
        s.heartbeat();
        socket.full = true;
        s.heartbeat();

        assertEquals(": heartbeat\n\n", socket.text());
    }

    @Test
    void aClosedClientGivesBackWhatItHeld() {
        Subscriber s = subscriber(10, 1_000);
        socket.full = true;
        s.offer(frame("abcdef"), 1);
        assertTrue(metrics.scrape().contains("sse_pending_bytes{stream=\"events\"} 6.0"));

        s.markClosed();

        assertTrue(s.closed());
        assertEquals(0, s.pending());
        assertTrue(metrics.scrape().contains("sse_pending_bytes{stream=\"events\"} 0.0"));
        assertFalse(s.offer(frame("g"), 1));
        s.heartbeat();
        assertEquals("", socket.text());
    }
}
