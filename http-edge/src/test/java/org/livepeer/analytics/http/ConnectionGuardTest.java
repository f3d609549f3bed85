package org.livepeer.analytics.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The guard over real sockets: the cap, the read deadline, and no clock while answering. */
class ConnectionGuardTest {

    private static final String GET = "GET /x HTTP/1.1\r\nHost: x\r\n\r\n";

    /** Far longer than any deadline here: a socket still open after it will not close. */
    private final AtomicInteger refused = new AtomicInteger();

    private final AtomicInteger timedOut = new AtomicInteger();
    private final List<Socket> sockets = new ArrayList<>();
    private TestServer server;
    private ConnectionGuard guard;

    @AfterEach
    void close() throws Exception {
        for (Socket s : sockets) {
            s.close();
        }
        server.close();
    }

    private void start(int maxConnections, long readTimeoutMs) throws Exception {
        server = new TestServer();
        guard =
                new ConnectionGuard(
                        server.vertx,
                        new ConnectionGuard.Limits(maxConnections, readTimeoutMs, 60_000),
                        new ConnectionGuard.Listener() {
                            @Override
                            public void refused() {
                                refused.incrementAndGet();
                            }

                            @Override
                            public void readTimedOut() {
                                timedOut.incrementAndGet();
                            }
                        });
        guard.install(server.router);
        server.router.get("/x").handler(ctx -> ctx.end("ok"));
        server.router
                .post("/body")
                .handler(ctx -> ctx.request().body().onSuccess(b -> ctx.end("read")));
        server.router
                .get("/stream")
                .handler(ctx -> ctx.response().setChunked(true).write("open\n"));
        server.listen(guard::connected, 60_000);
    }

    @Test
    void aConnectionBeyondTheCapIsClosedAtOnceAndCounted() throws Exception {
        start(2, 10_000);
        for (int i = 0; i < 2; i++) {
            Socket s = connect();
            send(s, GET);
            assertTrue(RawHttp.readResponse(s.getInputStream()).endsWith("ok"));
        }
        Socket third = connect();
        send(third, GET);

        assertEquals("", RawHttp.readUntilClosed(third), "no answer beyond the cap");
        assertEquals(1, refused.get());
        assertEquals(2, guard.open());
    }

    @Test
    void aClosedConnectionGivesItsSlotBack() throws Exception {
        start(1, 10_000);
        Socket first = connect();
        send(first, GET);
        RawHttp.readResponse(first.getInputStream());
        first.close();
        long deadline = System.currentTimeMillis() + 10_000;
        while (guard.open() > 0 && System.currentTimeMillis() < deadline) {
            Thread.onSpinWait();
        }

        Socket second = connect();
        send(second, GET);
        assertTrue(RawHttp.readResponse(second.getInputStream()).endsWith("ok"));
        assertEquals(0, refused.get());
    }

    @Test
    void headersOrABodyThatDoNotArriveInTimeCloseTheConnection() throws Exception {
        start(10, 300);
        Socket halfHeaders = connect();
        send(halfHeaders, "GET /x HTTP/1.1\r\nHost: x\r\n");
        Socket halfBody = connect();
        send(halfBody, "POST /body HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n0123456789");

        assertEquals("", RawHttp.readUntilClosed(halfHeaders));
        assertEquals("", RawHttp.readUntilClosed(halfBody));
        assertEquals(2, timedOut.get());
    }

    @Test
    void noClockRunsWhileAResponseIsOpen() throws Exception {
        start(10, 300);
        Socket s = connect();
        send(s, "GET /stream HTTP/1.1\r\nHost: x\r\n\r\n");
        InputStream in = s.getInputStream();
        RawHttp.readHead(in);

        // Five read timeouts later the stream is still open: nothing more to read, no close.
        s.setSoTimeout(1_500);
        assertThrows(SocketTimeoutException.class, () -> readAll(in));
        assertEquals(0, timedOut.get());
    }

    @Test
    void aKeptAliveConnectionMayIdleBeforeItsNextRequest() throws Exception {
        start(10, 300);
        Socket s = connect();
        InputStream in = s.getInputStream();
        send(s, GET);
        assertTrue(RawHttp.readResponse(in).endsWith("ok"));

        // Longer than the read timeout, shorter than idle + read: the next request is in time.
        s.setSoTimeout(900);
        assertThrows(SocketTimeoutException.class, () -> readAll(in));
        send(s, GET);
        s.setSoTimeout(RawHttp.STILL_OPEN_MS);
        assertTrue(RawHttp.readResponse(in).endsWith("ok"));
        assertEquals(0, timedOut.get());
    }

    private Socket connect() throws IOException {
        Socket s = new Socket();
        sockets.add(s);
        s.connect(new InetSocketAddress("127.0.0.1", server.port()));
        s.setSoTimeout(RawHttp.STILL_OPEN_MS);
        return s;
    }

    private static void send(Socket s, String text) throws IOException {
        s.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }
}
