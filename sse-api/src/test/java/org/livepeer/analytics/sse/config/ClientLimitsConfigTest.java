package org.livepeer.analytics.sse.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.livepeer.analytics.config.ConfigException;

class ClientLimitsConfigTest {

    @Test
    void defaults() {
        SseConfig.ClientLimits limits = SseConfig.fromEnv(Map.of("SSE_AUTH", "none")).limits();

        assertEquals(new SseConfig.ClientLimits(25_000, 60_000, 10_000, 4L << 20), limits);
    }

    @Test
    void readsEachKey() {
        SseConfig.ClientLimits limits =
                SseConfig.fromEnv(
                                Map.of(
                                        "SSE_AUTH", "none",
                                        "SSE_MAX_CONNECTIONS", "30000",
                                        "SSE_IDLE_TIMEOUT_MS", "45000",
                                        "SSE_REQUEST_READ_TIMEOUT_MS", "2000",
                                        "SSE_CLIENT_BUFFER_BYTES", "65536"))
                        .limits();

        assertEquals(new SseConfig.ClientLimits(30_000, 45_000, 2_000, 65_536), limits);
    }

    @Test
    void rejectsBadValuesNamingTheKey() {
        assertEquals(
                "SSE_MAX_CONNECTIONS (100) must be at least SSE_MAX_CLIENTS (200)",
                error("SSE_MAX_CONNECTIONS", "100", "SSE_MAX_CLIENTS", "200"));
        assertEquals(
                "SSE_IDLE_TIMEOUT_MS (20000) must be at least twice SSE_HEARTBEAT_MS (15000), or"
                        + " it would cut open streams between heartbeats",
                error("SSE_IDLE_TIMEOUT_MS", "20000"));
        assertEquals(
                "SSE_REQUEST_READ_TIMEOUT_MS must be an integer from 100 to 3600000, got '0'",
                error("SSE_REQUEST_READ_TIMEOUT_MS", "0"));
        assertEquals(
                "SSE_CLIENT_BUFFER_BYTES must be an integer from 65536 to 1073741824, got '1k'",
                error("SSE_CLIENT_BUFFER_BYTES", "1k"));
        assertEquals(
                "SSE_MAX_CONNECTIONS must be an integer from 1 to 10000000, got '0'",
                error("SSE_MAX_CONNECTIONS", "0"));
    }

    private static String error(String... keyValues) {
        Map<String, String> env = new HashMap<>(Map.of("SSE_AUTH", "none"));
        for (int i = 0; i < keyValues.length; i += 2) {
            env.put(keyValues[i], keyValues[i + 1]);
        }
        return assertThrows(ConfigException.class, () -> SseConfig.fromEnv(env)).getMessage();
    }
}
