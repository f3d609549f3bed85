package org.livepeer.analytics.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.livepeer.analytics.event.samples.SampleFiles;

class EventLoopsTest {

    @Test
    void connectionsAreSpreadOverTheConfiguredEventLoops() throws Exception {
        FakePublisher fake = new FakePublisher();
        RunningGateway gateway =
                RunningGateway.start(
                        RunningGateway.config(Map.of("GATEWAY_EVENT_LOOPS", "2")), fake);
        int port = gateway.port();
        String event = SampleFiles.all().get(0);
        try {
            // A new client is a new connection; Vert.x hands connections out in turn.
            for (int i = 0; i < 6; i++) {
                GatewayClient client = new GatewayClient(port);
                assertEquals(
                        202,
                        client.post("application/json", RunningGateway.FRA_KEY, event)
                                .statusCode());
                assertEquals(200, client.get("/ready").statusCode());
            }
        } finally {
            gateway.close();
        }
        assertEquals(6, fake.published.size());
        assertEquals(2, fake.publishingThreads.size(), fake.publishingThreads.toString());
        assertTrue(
                fake.publishingThreads.stream().allMatch(t -> t.contains("eventloop")),
                fake.publishingThreads.toString());
        assertThrows(UncheckedIOException.class, () -> new GatewayClient(port).get("/health"));
    }

    @Test
    void oneEventLoopByDefault() throws Exception {
        FakePublisher fake = new FakePublisher();
        try (RunningGateway gateway = RunningGateway.start(RunningGateway.config(Map.of()), fake)) {
            for (int i = 0; i < 4; i++) {
                new GatewayClient(gateway.port())
                        .post("application/json", RunningGateway.FRA_KEY, SampleFiles.all().get(0));
            }
        }
        assertEquals(1, fake.publishingThreads.size(), fake.publishingThreads.toString());
    }
}
