package org.livepeer.analytics.processor.sink.clickhouse;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.livepeer.analytics.clickhouse.http.ClickHouseException;

/**
 * The inserter's verdicts: each failure mapped by ClickHouse's error code and the HTTP status, and
 * the retry path against a local HTTP server that fails a number of times and then accepts.
 */
class HttpBatchInserterTest {

    private static final byte[] BODY = "{\"n\":1}\n".getBytes(StandardCharsets.UTF_8);

    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer server;
    private HttpBatchInserter inserter;

    /** What the server answers: its status and ClickHouse error code (-1: none). */
    private record Answer(int status, int code) {
        static final Answer OK = new Answer(200, -1);
    }

    @AfterEach
    void stop() {
        if (inserter != null) {
            inserter.close();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    @ParameterizedTest(name = "code {0}, HTTP {1} -> {2}")
    @CsvSource({
        "27, 400, Rejected", // CANNOT_PARSE_INPUT_ASSERTION_FAILED
        "6, 400, Rejected", // CANNOT_PARSE_TEXT
        "53, 400, Rejected", // TYPE_MISMATCH
        "252, 500, Retryable", // TOO_MANY_PARTS
        "241, 500, Retryable", // MEMORY_LIMIT_EXCEEDED
        "202, 500, Retryable", // TOO_MANY_SIMULTANEOUS_QUERIES
        "-1, 502, Retryable", // a proxy, no ClickHouse code
        "-1, 503, Retryable",
        "-1, 429, Retryable",
        "-1, 408, Retryable",
        "60, 404, Fatal", // UNKNOWN_TABLE
        "516, 403, Fatal", // AUTHENTICATION_FAILED
        "62, 400, Fatal", // SYNTAX_ERROR
        "-1, 400, Fatal"
    })
    void eachResponseHasItsVerdict(int code, int status, String verdict) {
        InsertVerdict v = InsertVerdict.of(new ClickHouseException("answer", code, status));
        assertEquals(verdict, v.getClass().getSimpleName());
    }

    @Test
    void noResponseIsRetryable() {
        InsertVerdict v =
                InsertVerdict.of(new ClickHouseException("refused", new IOException("reset")));
        assertInstanceOf(InsertVerdict.Retryable.class, v);
    }

    @Test
    void aBatchThatFailsThreeTimesIsInsertedByTheFourthAttempt() throws Exception {
        start(n -> n <= 3 ? new Answer(503, -1) : Answer.OK, 60_000);
        InsertVerdict v = inserter.insert("t", BODY, 1);
        assertEquals(new InsertVerdict.Inserted(3), v);
        assertEquals(4, requests.get());
    }

    @Test
    void overloadCodesAreRetriedToo() throws Exception {
        start(n -> n == 1 ? new Answer(500, 252) : Answer.OK, 60_000);
        assertEquals(new InsertVerdict.Inserted(1), inserter.insert("t", BODY, 1));
    }

    @Test
    void aRejectionOfTheDataIsAnsweredWithoutRetrying() throws Exception {
        start(n -> new Answer(400, 27), 60_000);
        InsertVerdict v = inserter.insert("t", BODY, 1);
        assertInstanceOf(InsertVerdict.Rejected.class, v);
        assertTrue(((InsertVerdict.Rejected) v).reason().contains("code 27"), v.toString());
        assertEquals(1, requests.get());
    }

    @Test
    void aFatalErrorIsAnsweredWithoutRetrying() throws Exception {
        start(n -> new Answer(404, 60), 60_000);
        assertInstanceOf(InsertVerdict.Fatal.class, inserter.insert("t", BODY, 1));
        assertEquals(1, requests.get());
    }

    @Test
    void aFatalErrorDuringTheRetriesEndsThem() throws Exception {
        start(n -> n == 1 ? new Answer(503, -1) : new Answer(403, 516), 60_000);
        assertInstanceOf(InsertVerdict.Fatal.class, inserter.insert("t", BODY, 1));
        assertEquals(2, requests.get());
    }

    @Test
    void whenTheBudgetIsSpentTheVerdictIsRetryable() throws Exception {
        start(n -> new Answer(503, -1), 300);
        long started = System.nanoTime();
        InsertVerdict v = inserter.insert("t", BODY, 1);
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertInstanceOf(InsertVerdict.Retryable.class, v);
        assertTrue(requests.get() >= 3, "retried: " + requests.get());
        assertTrue(tookMs < 5_000, "gave up after the budget, not later: " + tookMs + " ms");
    }

    @Test
    void rollupStatementsGetTheSameRetries() throws Exception {
        start(n -> n <= 2 ? new Answer(503, -1) : Answer.OK, 60_000);
        assertEquals(new InsertVerdict.Inserted(2), inserter.execute("SELECT 1", "a statement"));
    }

    @Test
    void aCancelledTaskStopsWaitingAndTheRetriesStop() throws Exception {
        start(n -> new Answer(503, -1), 600_000);
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread task =
                new Thread(
                        () -> {
                            try {
                                outcome.complete(new AssertionError(inserter.insert("t", BODY, 1)));
                            } catch (InterruptedException e) {
                                outcome.complete(e);
                            }
                        });
        task.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> requests.get() >= 3);
        task.interrupt();
        assertInstanceOf(InterruptedException.class, outcome.get());
        int sent = requests.get();
        // At most the attempt already scheduled may still go out; then nothing more.
        await().during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(5))
                .until(() -> requests.get() <= sent + 1);
    }

    private void start(IntFunction<Answer> script, long retryBudgetMs) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(
                "/",
                exchange -> {
                    exchange.getRequestBody().readAllBytes();
                    Answer a = script.apply(requests.incrementAndGet());
                    byte[] body =
                            (a.status() == 200 ? "" : "Code: " + a.code() + ". DB::Exception")
                                    .getBytes(StandardCharsets.UTF_8);
                    if (a.code() >= 0) {
                        exchange.getResponseHeaders()
                                .add("X-ClickHouse-Exception-Code", Integer.toString(a.code()));
                    }
                    exchange.sendResponseHeaders(a.status(), body.length == 0 ? -1 : body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                });
        server.start();
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        ClickHouseSinkConfig config =
                new ClickHouseSinkConfig(
                        url, "w", "p", "db", 1000, 1 << 20, 1000, retryBudgetMs, 30_000, "events");
        inserter = new HttpBatchInserter(config, 10, 40);
    }
}
