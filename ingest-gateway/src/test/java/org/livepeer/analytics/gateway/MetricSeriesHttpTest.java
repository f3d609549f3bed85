package org.livepeer.analytics.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.livepeer.analytics.gateway.GatewayClient.json;

import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Requests an attacker can make up (methods, paths) must not add /metrics series. */
class MetricSeriesHttpTest {

    private static final int MADE_UP_REQUESTS = 25;

    @Test
    void madeUpMethodsAndPathsAre405Or404AndAddNoSeries() throws Exception {
        try (RunningGateway gateway =
                RunningGateway.start(RunningGateway.config(Map.of()), new FakePublisher())) {
            GatewayClient client = gateway.client();
            // One of each first, so the series of their (bounded) tags exist before counting.
            client.send("WARMUP", "/v1/events");
            client.send("WARMUP", "/warm-up");
            client.send("GET", "/warm-up");
            client.get("/metrics");
            Set<String> before = series(client);

            for (int i = 0; i < MADE_UP_REQUESTS; i++) {
                String word = "X" + UUID.randomUUID().toString().replace("-", "").toUpperCase();
                assertError(client.send(word, "/v1/events"), 405, "method_not_allowed");
                assertError(client.send(word, "/" + word), 405, "method_not_allowed");
                assertError(client.send("GET", "/" + word), 404, "not_found");
            }

            Set<String> after = series(client);
            after.removeAll(before);
            assertEquals(Set.of(), after, "series added by made-up requests");
        }
    }

    /** Each sample line's name and tags, without its value. */
    private static Set<String> series(GatewayClient client) {
        return client.get("/metrics")
                .body()
                .lines()
                .filter(l -> !l.startsWith("#"))
                .map(l -> l.substring(0, l.lastIndexOf(' ')))
                .collect(Collectors.toCollection(HashSet::new));
    }

    private static void assertError(HttpResponse<String> response, int status, String code) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(code, json(response).get("error").asText(), response.body());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(""));
    }
}
