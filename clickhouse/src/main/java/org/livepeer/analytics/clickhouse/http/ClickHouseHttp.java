package org.livepeer.analytics.clickhouse.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * A small client for ClickHouse's HTTP interface over the JDK {@link HttpClient}. It speaks only
 * what ClickHouse 18.16 and current releases both accept: SQL in the POST body, {@code INSERT ...
 * FORMAT} in the URL with the body gzip-compressed unless the server is on this machine ({@link
 * ClickHouseHttpOptions.InsertCompression}), credentials in the {@code X-ClickHouse-User} / {@code
 * X-ClickHouse-Key} headers (never in the URL). Thread-safe; one instance per user.
 *
 * <p>Every failure is a {@link ClickHouseException} with the server's error code and a {@link
 * FailureKind}.
 */
public final class ClickHouseHttp {
    private static final Pattern ERROR_CODE = Pattern.compile("Code: (\\d+)");
    private static final Pattern TABLE_NAME =
            Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");
    private static final Pattern FORMAT_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*");
    private static final int MESSAGE_LIMIT = 2000;

    private final URI baseUrl;
    private final ClickHouseCredentials credentials;
    private final ClickHouseHttpOptions options;
    private final boolean gzipInserts;
    private final HttpClient client;

    public ClickHouseHttp(URI baseUrl, String user, String password) {
        this(baseUrl, new ClickHouseCredentials(user, password), ClickHouseHttpOptions.defaults());
    }

    public ClickHouseHttp(URI baseUrl, ClickHouseCredentials credentials) {
        this(baseUrl, credentials, ClickHouseHttpOptions.defaults());
    }

    public ClickHouseHttp(
            URI baseUrl, ClickHouseCredentials credentials, ClickHouseHttpOptions options) {
        this.baseUrl = withTrailingSlash(Objects.requireNonNull(baseUrl, "baseUrl"));
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.options = Objects.requireNonNull(options, "options");
        this.gzipInserts = gzipsInserts(this.baseUrl, options.insertCompression());
        // ClickHouse speaks HTTP/1.1 only; an h2c upgrade attempt would just cost a round trip.
        this.client =
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(options.connectTimeout())
                        .build();
    }

    /** Runs a query and returns the response body; add a {@code FORMAT} clause as needed. */
    public String query(String sql) {
        return query(sql, Map.of());
    }

    /** Like {@link #query(String)} with extra ClickHouse settings for this call only. */
    public String query(String sql, Map<String, String> settings) {
        HttpRequest request =
                request(url(settings, null))
                        .POST(HttpRequest.BodyPublishers.ofString(sql, StandardCharsets.UTF_8))
                        .build();
        return send(request, sql);
    }

    /** Runs a statement whose answer is of no interest (DDL, {@code INSERT ... VALUES}). */
    public void execute(String sql) {
        query(sql, Map.of());
    }

    /** Like {@link #execute(String)} with extra ClickHouse settings for this call only. */
    public void execute(String sql, Map<String, String> settings) {
        query(sql, settings);
    }

    /**
     * Sends {@code body} as {@code INSERT INTO table FORMAT format}, gzip-compressed unless the
     * options or a loopback server say otherwise.
     *
     * @param table {@code name} or {@code database.name}
     * @param format a ClickHouse input format such as {@code JSONEachRow} or {@code RowBinary}
     */
    public void insert(String table, String format, byte[] body) {
        insert(table, format, body, Map.of());
    }

    /** Like {@link #insert(String, String, byte[])} with extra settings for this call only. */
    public void insert(String table, String format, byte[] body, Map<String, String> settings) {
        if (!TABLE_NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("Not a table name: '" + table + "'");
        }
        if (!FORMAT_NAME.matcher(format).matches()) {
            throw new IllegalArgumentException("Not a format name: '" + format + "'");
        }
        String sql = "INSERT INTO " + table + " FORMAT " + format;
        HttpRequest.Builder request = request(url(settings, sql));
        if (gzipInserts) {
            request.header("Content-Encoding", "gzip")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(gzip(body)));
        } else {
            request.POST(HttpRequest.BodyPublishers.ofByteArray(body));
        }
        send(request.build(), sql);
    }

    /** The server's version, from {@code SELECT version()}. */
    public ServerVersion version() {
        return ServerVersion.parse(query("SELECT version()"));
    }

    /** True when {@code GET /ping} answers {@code Ok.}; false on any failure. */
    public boolean ping() {
        HttpRequest request =
                HttpRequest.newBuilder(baseUrl.resolve("ping"))
                        .GET()
                        .timeout(options.requestTimeout())
                        .build();
        try {
            HttpResponse<String> response =
                    client.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().startsWith("Ok.");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public String user() {
        return credentials.user();
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri)
                .timeout(options.requestTimeout())
                .header("X-ClickHouse-User", credentials.user())
                .header("X-ClickHouse-Key", credentials.password());
    }

    private URI url(Map<String, String> callSettings, String query) {
        Map<String, String> params = new LinkedHashMap<>(options.settings());
        params.putAll(callSettings);
        if (query != null) {
            params.put("query", query);
        }
        if (params.isEmpty()) {
            return baseUrl;
        }
        String encoded =
                params.entrySet().stream()
                        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                        .collect(Collectors.joining("&"));
        return URI.create(baseUrl + "?" + encoded);
    }

    private String send(HttpRequest request, String what) {
        HttpResponse<String> response;
        try {
            response =
                    client.send(
                            request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ClickHouseException(
                    "No response from ClickHouse at "
                            + baseUrl
                            + " for "
                            + preview(what)
                            + ": "
                            + e,
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClickHouseException("Interrupted waiting for ClickHouse at " + baseUrl, e);
        }
        if (response.statusCode() == 200) {
            return response.body();
        }
        int code = errorCode(response);
        throw new ClickHouseException(
                "ClickHouse answered HTTP "
                        + response.statusCode()
                        + " (code "
                        + code
                        + ") as user "
                        + credentials.user()
                        + " to "
                        + preview(what)
                        + ": "
                        + truncate(response.body().trim()),
                code,
                response.statusCode());
    }

    private static int errorCode(HttpResponse<String> response) {
        // Newer servers send the code as a header; 18.16 only writes "Code: NNN" in the body.
        String header = response.headers().firstValue("X-ClickHouse-Exception-Code").orElse("");
        if (!header.isEmpty() && header.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(header);
        }
        Matcher m = ERROR_CODE.matcher(response.body());
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** Whether inserts to {@code server} are compressed under {@code compression}. */
    static boolean gzipsInserts(URI server, ClickHouseHttpOptions.InsertCompression compression) {
        return switch (compression) {
            case GZIP -> true;
            case NONE -> false;
            case AUTO -> !isLoopback(server.getHost());
        };
    }

    /** By the URL's text alone: resolving a name here could block. */
    private static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost")
                || h.startsWith("127.")
                || h.equals("[::1]")
                || h.equals("::1");
    }

    static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, body.length / 4));
        try (GZIPOutputStream gz = new FastGzip(out)) {
            gz.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException("gzip to memory failed", e);
        }
        return out.toByteArray();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String preview(String sql) {
        String oneLine = sql.replaceAll("\\s+", " ").trim();
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "..." : oneLine;
    }

    private static String truncate(String body) {
        return body.length() > MESSAGE_LIMIT ? body.substring(0, MESSAGE_LIMIT) + "..." : body;
    }

    private static URI withTrailingSlash(URI uri) {
        String s = uri.toString();
        return s.endsWith("/") ? uri : URI.create(s + "/");
    }

    /** Speed over ratio: the batches are JSON, which compresses well even at level 1. */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(OutputStream out) throws IOException {
            super(out, 64 * 1024);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
