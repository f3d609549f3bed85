package org.livepeer.analytics.clickhouse.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.livepeer.analytics.clickhouse.http.ClickHouseHttpOptions.InsertCompression;

/** Checks what goes over the wire, against a hand-written fake ClickHouse (JDK HttpServer). */
class ClickHouseHttpTest {
    private HttpServer server;
    private final List<Recorded> requests = new ArrayList<>();
    private volatile int status = 200;
    private volatile String answer = "";
    private volatile Map<String, String> answerHeaders = Map.of();

    record Recorded(
            String method, String rawQuery, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }

        String query() {
            return rawQuery == null ? "" : URLDecoder.decode(rawQuery, StandardCharsets.UTF_8);
        }
    }

    @BeforeEach
    void startFake() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    @AfterEach
    void stopFake() {
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        synchronized (requests) {
            requests.add(
                    new Recorded(
                            ex.getRequestMethod(),
                            ex.getRequestURI().getRawQuery(),
                            Map.copyOf(ex.getRequestHeaders()),
                            body));
        }
        answerHeaders.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        byte[] out = answer.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, out.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(out);
        }
    }

    private ClickHouseHttp client() {
        return client(ClickHouseHttpOptions.defaults());
    }

    private ClickHouseHttp gzipClient() {
        return client(
                ClickHouseHttpOptions.defaults().withInsertCompression(InsertCompression.GZIP));
    }

    private ClickHouseHttp client(ClickHouseHttpOptions options) {
        return new ClickHouseHttp(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                new ClickHouseCredentials("writer", "s3cret/&="),
                options);
    }

    @Test
    void queryPostsTheSqlWithCredentialsInHeadersOnly() {
        answer = "42\n";
        assertEquals("42\n", client().query("SELECT 42"));
        Recorded r = requests.get(0);
        assertEquals("POST", r.method());
        assertEquals("SELECT 42", new String(r.body(), StandardCharsets.UTF_8));
        assertEquals("writer", r.header("X-ClickHouse-User"));
        assertEquals("s3cret/&=", r.header("X-ClickHouse-Key"));
        assertEquals("", r.query());
    }

    @Test
    void insertPutsTheStatementInTheUrlAndGzipsTheBody() throws IOException {
        byte[] rows = "{\"a\":1}\n{\"a\":2}\n".getBytes(StandardCharsets.UTF_8);
        gzipClient()
                .insert("livepeer_analytics.t", "JSONEachRow", rows, Map.of("insert_quorum", "0"));
        Recorded r = requests.get(0);
        assertEquals(
                "insert_quorum=0&query=INSERT INTO livepeer_analytics.t FORMAT JSONEachRow",
                r.query());
        assertFalse(r.query().contains("s3cret"));
        assertEquals("gzip", r.header("Content-Encoding"));
        assertArrayEquals(rows, gunzip(r.body()));
    }

    @Test
    void insertsToALoopbackServerGoUncompressedByDefault() {
        byte[] rows = "{\"a\":1}\n".getBytes(StandardCharsets.UTF_8);
        client().insert("t", "JSONEachRow", rows);
        Recorded r = requests.get(0);
        assertNull(r.header("Content-Encoding"));
        assertArrayEquals(rows, r.body());
    }

    @Test
    void insertsAreCompressedByDefaultForAnyServerNotOnThisMachine() {
        for (String url :
                List.of("http://localhost:8123", "http://127.0.0.2:8123", "http://[::1]:8123")) {
            assertFalse(ClickHouseHttp.gzipsInserts(URI.create(url), InsertCompression.AUTO), url);
        }
        for (String url :
                List.of(
                        "http://clickhouse:8123",
                        "https://ch.example.com",
                        "http://10.0.0.7:8123")) {
            assertTrue(ClickHouseHttp.gzipsInserts(URI.create(url), InsertCompression.AUTO), url);
            assertFalse(ClickHouseHttp.gzipsInserts(URI.create(url), InsertCompression.NONE), url);
        }
    }

    @Test
    void settingsOfTheOptionsGoOnEveryCall() {
        ClickHouseHttp c =
                new ClickHouseHttp(
                        URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"),
                        new ClickHouseCredentials("default", ""),
                        ClickHouseHttpOptions.defaults().withSettings(Map.of("max_threads", "1")));
        c.execute("SELECT 1", Map.of("max_threads", "2", "readonly", "1"));
        assertEquals("max_threads=2&readonly=1", requests.get(0).query());
    }

    @Test
    void rejectsTableAndFormatNamesThatCouldInjectSql() {
        ClickHouseHttp c = client();
        assertThrows(
                IllegalArgumentException.class,
                () -> c.insert("t; DROP TABLE x", "JSONEachRow", new byte[0]));
        assertThrows(
                IllegalArgumentException.class,
                () -> c.insert("a.b.c", "JSONEachRow", new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> c.insert("t", "JSON Each", new byte[0]));
        assertTrue(requests.isEmpty());
    }

    @Test
    void errorCodeComesFromTheBodyOnOldServers() {
        status = 500;
        answer =
                "Code: 27, e.displayText() = DB::Exception: Cannot parse input, e.what() = DB::Exception\n";
        ClickHouseException e =
                assertThrows(
                        ClickHouseException.class,
                        () -> client().insert("t", "JSONEachRow", new byte[] {'x'}));
        assertEquals(27, e.code());
        assertEquals(500, e.httpStatus());
        assertEquals(FailureKind.REJECT_DATA, e.kind());
        assertTrue(e.getMessage().contains("Cannot parse input"), e.getMessage());
        assertTrue(e.getMessage().contains("INSERT INTO t FORMAT JSONEachRow"), e.getMessage());
    }

    @Test
    void errorCodeHeaderWinsOnNewServers() {
        status = 500;
        answer = "Code: 999. DB::Exception: something";
        answerHeaders = Map.of("X-ClickHouse-Exception-Code", "252");
        ClickHouseException e =
                assertThrows(ClickHouseException.class, () -> client().execute("INSERT"));
        assertEquals(252, e.code());
        assertTrue(e.retryable());
    }

    @Test
    void anErrorWithoutCodeIsClassifiedByStatus() {
        status = 503;
        answer = "upstream gone";
        ClickHouseException e =
                assertThrows(ClickHouseException.class, () -> client().query("SELECT 1"));
        assertEquals(-1, e.code());
        assertEquals(503, e.httpStatus());
        assertTrue(e.retryable());
    }

    @Test
    void versionAndPing() {
        answer = "24.8.4.13\n";
        assertEquals(ServerVersion.parse("24.8.4.13"), client().version());
        answer = "Ok.\n";
        assertTrue(client().ping());
        status = 500;
        assertFalse(client().ping());
    }

    @Test
    void aRefusedConnectionIsRetryableWithoutCodes() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        ClickHouseHttp c =
                new ClickHouseHttp(
                        URI.create("http://127.0.0.1:" + port),
                        new ClickHouseCredentials("default", ""),
                        ClickHouseHttpOptions.defaults().withConnectTimeout(Duration.ofSeconds(2)));
        ClickHouseException e = assertThrows(ClickHouseException.class, () -> c.query("SELECT 1"));
        assertEquals(-1, e.code());
        assertEquals(-1, e.httpStatus());
        assertTrue(e.retryable());
        assertFalse(c.ping());
    }

    private static byte[] gunzip(byte[] gz) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        }
    }
}
