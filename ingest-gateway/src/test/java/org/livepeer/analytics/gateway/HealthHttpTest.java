package org.livepeer.analytics.gateway;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.livepeer.analytics.gateway.GatewayClient.json;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthHttpTest {

    @Test
    void healthIsUpWhileReadyFollowsKafkaReachability() throws Exception {
        FakePublisher fake = new FakePublisher();
        fake.reachable = false;
        try (RunningGateway gateway = RunningGateway.start(RunningGateway.config(Map.of()), fake)) {
            GatewayClient client = gateway.client();

            HttpResponse<String> health = client.get("/health");
            assertEquals(200, health.statusCode());
            assertEquals(json("{\"status\":\"up\"}"), json(health));

            HttpResponse<String> notReady = client.get("/ready");
            assertEquals(503, notReady.statusCode());
            assertEquals("not_ready", json(notReady).get("error").asText());
            assertTrue(json(notReady).get("message").asText().contains("fake broker down"));
            assertEquals("1", notReady.headers().firstValue("Retry-After").orElse(null));

            fake.reachable = true;
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> client.get("/ready").statusCode() == 200);
            assertEquals(json("{\"status\":\"ready\"}"), json(client.get("/ready")));

            fake.reachable = false;
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> client.get("/ready").statusCode() == 503);
            assertEquals(200, client.get("/health").statusCode());
        }
    }
}
