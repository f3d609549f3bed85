package org.livepeer.analytics.gateway;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.livepeer.analytics.gateway.config.GatewayConfig;

class GatewayLifecycleTest {

    @Test
    void failedStartFailsTheDeploymentAndClosesThePublisher() throws Exception {
        FakePublisher fake = new FakePublisher();
        Vertx vertx = Vertx.vertx();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            GatewayConfig config =
                    RunningGateway.config(
                            Map.of("GATEWAY_PORT", Integer.toString(taken.getLocalPort())));
            GatewayVerticle verticle =
                    new GatewayVerticle(config, (v, c) -> Future.succeededFuture(fake));

            Future<String> deployment = vertx.deployVerticle(verticle);

            assertThrows(Exception.class, () -> deployment.await(30, TimeUnit.SECONDS));
            assertTrue(deployment.failed(), "deployment must fail when the port is taken");
            assertTrue(fake.closed, "the publisher is released after a failed start");
            assertThrows(IllegalStateException.class, verticle::actualPort);
        } finally {
            vertx.close().await(30, TimeUnit.SECONDS);
        }
    }
}
