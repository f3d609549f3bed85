package org.livepeer.analytics.http.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.livepeer.analytics.http.ErrorResponses;
import org.livepeer.analytics.http.TestCode;
import org.livepeer.analytics.http.TestServer;

class HealthRoutesTest {

    @Test
    void healthIsUpAndReadyFollowsTheReadinessInTheOneErrorShape() throws Exception {
        AtomicReference<Optional<String>> state = new AtomicReference<>(Optional.of("broker down"));
        try (TestServer server = new TestServer()) {
            ErrorResponses errors = new ErrorResponses(2, TestCode::forStatus);
            HealthRoutes.mount(server.router, state::get, TestCode.BUSY, errors, () -> "m 1.0\n");
            errors.install(server.router);
            server.listen();

            HttpResponse<String> health = server.send("GET", "/health");
            HttpResponse<String> notReady = server.send("GET", "/ready");
            state.set(Optional.empty());
            HttpResponse<String> ready = server.send("GET", "/ready");
            HttpResponse<String> metrics = server.send("GET", "/metrics");

            assertEquals(200, health.statusCode());
            assertEquals("{\"status\":\"up\"}", health.body());
            assertEquals(503, notReady.statusCode());
            assertEquals("{\"error\":\"busy\",\"message\":\"broker down\"}", notReady.body());
            assertEquals("2", notReady.headers().firstValue("Retry-After").orElse(""));
            assertEquals(200, ready.statusCode());
            assertEquals("{\"status\":\"ready\"}", ready.body());
            assertEquals("m 1.0\n", metrics.body());
            assertEquals(
                    HealthRoutes.PROMETHEUS_TEXT,
                    metrics.headers().firstValue("Content-Type").orElse(""));
        }
    }
}
