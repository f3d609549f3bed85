package org.livepeer.analytics.sse.it;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * Headless Debian Chromium driven through chromedriver's W3C WebDriver HTTP API (no client library,
 * no browser download).
 */
final class WebDriverSession implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final Process driver;
    private final String base;
    private final HttpClient http = HttpClient.newHttpClient();
    private String session;

    private WebDriverSession(Process driver, int port) {
        this.driver = driver;
        this.base = "http://127.0.0.1:" + port;
    }

    static WebDriverSession start(Path profileDir, Path log) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process p =
                new ProcessBuilder(CHROMEDRIVER.toString(), "--port=" + port)
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
        WebDriverSession wd = new WebDriverSession(p, port);
        Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(wd::statusReady);
        wd.newSession(profileDir);
        return wd;
    }

    private boolean statusReady() throws Exception {
        return call("GET", "/status", null).getJsonObject("value").getBoolean("ready");
    }

    private void newSession(Path profileDir) throws Exception {
        JsonObject options =
                new JsonObject()
                        .put("binary", CHROMIUM.toString())
                        .put(
                                "args",
                                new JsonArray(
                                        List.of(
                                                "--headless",
                                                "--no-sandbox",
                                                "--disable-gpu",
                                                "--disable-quic",
                                                "--no-first-run",
                                                "--disable-background-networking",
                                                "--disable-component-update",
                                                "--disable-sync",
                                                "--disable-dev-shm-usage",
                                                "--window-size=1280,900",
                                                "--user-data-dir=" + profileDir)));
        JsonObject caps =
                new JsonObject()
                        .put(
                                "capabilities",
                                new JsonObject()
                                        .put(
                                                "alwaysMatch",
                                                new JsonObject()
                                                        .put("browserName", "chrome")
                                                        .put("goog:chromeOptions", options)));
        session = call("POST", "/session", caps).getJsonObject("value").getString("sessionId");
    }

    void navigate(String url) throws Exception {
        call("POST", "/session/" + session + "/url", new JsonObject().put("url", url));
    }

    /** The value of a JavaScript expression in the page. */
    Object eval(String expression) throws Exception {
        JsonObject body =
                new JsonObject()
                        .put("script", "return " + expression + ";")
                        .put("args", new JsonArray());
        return call("POST", "/session/" + session + "/execute/sync", body).getValue("value");
    }

    String text(String elementId) throws Exception {
        Object v = eval("document.getElementById('" + elementId + "').textContent");
        return v == null ? null : v.toString();
    }

    void screenshot(Path png) throws Exception {
        String b64 = call("GET", "/session/" + session + "/screenshot", null).getString("value");
        Files.createDirectories(png.getParent());
        Files.write(png, Base64.getDecoder().decode(b64));
    }

    private JsonObject call(String method, String path, JsonObject body)
            throws IOException, InterruptedException {
        HttpRequest.Builder req =
                HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (body == null) {
            req.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            req.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.encode()));
        }
        HttpResponse<String> res = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
        JsonObject json = new JsonObject(res.body());
        if (res.statusCode() != 200) {
            throw new IllegalStateException("WebDriver " + path + " -> " + res.body());
        }
        return json;
    }

    @Override
    public void close() throws Exception {
        try {
            if (session != null) {
                call("DELETE", "/session/" + session, null);
            }
        } finally {
            driver.destroy();
            if (!driver.waitFor(10, TimeUnit.SECONDS)) {
                driver.destroyForcibly();
            }
        }
    }
}
