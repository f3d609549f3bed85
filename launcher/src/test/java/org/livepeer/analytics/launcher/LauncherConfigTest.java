package org.livepeer.analytics.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LauncherConfigTest {

    @Test
    void defaultsFollowTheDesign() {
        LauncherConfig c = LauncherConfig.fromEnv(Map.of());
        assertEquals(8080, c.gatewayPort());
        assertEquals(8090, c.ssePort());
        assertEquals(8123, c.clickHouseHttpPort());
        assertEquals(9092, c.kafkaPort());
        assertEquals(Path.of("data").toAbsolutePath(), c.home());
        assertEquals("127.0.0.1", c.host());
    }

    @Test
    void portsAndHomeComeFromTheEnvironment() {
        LauncherConfig c =
                LauncherConfig.fromEnv(
                        Map.of(
                                "GATEWAY_PORT",
                                "18080",
                                "KAFKA_PORT",
                                "0",
                                "ANALYTICS_HOME",
                                "/tmp/x"));
        assertEquals(18080, c.gatewayPort());
        assertEquals(0, c.kafkaPort());
        assertEquals(Path.of("/tmp/x"), c.home());
    }

    @Test
    void aBadPortNamesItsVariable() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> LauncherConfig.fromEnv(Map.of("SSE_PORT", "http")));
        assertTrue(e.getMessage().contains("SSE_PORT"), e.getMessage());
    }

    @Test
    void aBadTopicNameNamesItsVariable() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> LauncherConfig.fromEnv(Map.of("EVENTS_TOPIC", "my events")));
        assertEquals(
                "EVENTS_TOPIC must be 1-249 characters of [A-Za-z0-9._-], got 'my events'",
                e.getMessage());
    }
}
