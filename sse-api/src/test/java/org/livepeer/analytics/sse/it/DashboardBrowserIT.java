package org.livepeer.analytics.sse.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.livepeer.analytics.kafka.embedded.EmbeddedKafkaBroker;
import org.livepeer.analytics.testkit.TestProducer;
import org.livepeer.analytics.testkit.WithKafka;

/**
 * The dashboard page in headless Chromium: it connects with the token from its URL, shows the
 * network totals and the orchestrator table, and updates them as windows arrive. Leaves a
 * screenshot at {@code target/dashboard-screenshot.png}.
 */
@WithKafka
class DashboardBrowserIT {

    private static final String TOKEN = "browser-token";
    private static final String ORCH = "0x52cf2968b3dc6016778742d3539449a6597d5954";

    @Test
    void pageShowsLiveNumbersAndUpdates(EmbeddedKafkaBroker broker) throws Exception {
        assertTrue(
                Files.isExecutable(WebDriverSession.CHROMIUM)
                        && Files.isExecutable(WebDriverSession.CHROMEDRIVER),
                "needs Debian chromium and chromium-driver (./analytics test installs them)");
        broker.createTopic("live-metrics", 1, Map.of());
        broker.createTopic("streaming-events", 1, Map.of());
        Vertx vertx = Vertx.vertx();
        Path target = Path.of("target");
        Path profile = Files.createTempDirectory("chromium-profile-");
        try (TestProducer producer = TestProducer.connect(broker)) {
            String base = DeployedSse.deploy(vertx, broker.bootstrapServers(), TOKEN, Map.of());
            String page = base + "/?access_token=" + TOKEN;
            try (WebDriverSession browser =
                    WebDriverSession.start(profile, target.resolve("chromedriver.log"))) {
                browser.navigate(page);
                await().atMost(Duration.ofSeconds(30))
                        .until(
                                () ->
                                        "open"
                                                .equals(
                                                        browser.eval(
                                                                "document.getElementById('conn').dataset.state")));
                long w = System.currentTimeMillis() / 5000 * 5000;
                send(producer, network(w, 42.4, 7, 18.5));
                send(producer, orchestrator(w, ORCH, 5, 19.25));
                send(
                        producer,
                        orchestrator(w, "0xbbbb000000000000000000000000000000000002", 2, 14.0));
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> "42.4".equals(browser.text("net-events")));
                assertEquals("7", browser.text("net-streams"));
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> browser.text("orchestrators").contains(ORCH));
                assertTrue(browser.text("orchestrators").contains("19.3"));

                send(producer, network(w + 5000, 57.0, 9, 21.0));
                send(producer, network(w + 10000, 63.2, 11, 22.5));
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> "63.2".equals(browser.text("net-events")));
                assertEquals("11", browser.text("net-streams"));
                assertEquals("5", browser.text("count"));
                browser.screenshot(target.resolve("dashboard-screenshot.png"));
            }
        } finally {
            vertx.close().await(30, TimeUnit.SECONDS);
        }
        assertTrue(Files.size(target.resolve("dashboard-screenshot.png")) > 10_000);
    }

    private static JsonObject window(String scope, String key, long start) {
        return new JsonObject()
                .put("schema", 1)
                .put("scope", scope)
                .put("key", key)
                .put("window_start_ms", start)
                .put("window_end_ms", start + 5000)
                .put("revision", 0)
                .put("restarts", 1)
                .put("errors", 2);
    }

    private static String network(long start, double perSecond, int active, double fps) {
        return withMeasures(window("network", "", start), perSecond, active, fps).encode();
    }

    private static String orchestrator(long start, String orch, int active, double fps) {
        return withMeasures(window("orchestrator", orch, start), 3.0, active, fps).encode();
    }

    private static JsonObject withMeasures(JsonObject m, double perSecond, int active, double fps) {
        JsonObject summary =
                new JsonObject()
                        .put("samples", active)
                        .put("avg", fps)
                        .put("min", fps - 4)
                        .put("p50", fps)
                        .put("p95", fps + 3)
                        .put("max", fps + 4);
        return m.put(
                        "events",
                        new JsonObject().put("total", perSecond * 5).put("per_second", perSecond))
                .put(
                        "streams",
                        new JsonObject().put("active", active).put("degraded", 1).put("error", 0))
                .put("output_fps", summary)
                .put("startup_latency_ms", summary.copy().put("p95", 1850))
                .put(
                        "ingest",
                        new JsonObject()
                                .put("packet_loss_pct", new JsonObject().put("max", 0.4))
                                .put("jitter_ms", new JsonObject().put("max", 12)));
    }

    private static void send(TestProducer producer, String value) throws Exception {
        producer.send("live-metrics", value);
    }
}
