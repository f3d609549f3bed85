package org.livepeer.analytics.bench.gateway;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GatewayThreadsCpuTest {

    @Test
    void gatewayThreadsAreTheEventLoopsTheSenderAndTheGatewaysKafkaClients() {
        assertTrue(GatewayThreadsCpu.isGateway("vert.x-eventloop-thread-0"));
        assertTrue(GatewayThreadsCpu.isGateway("gateway-kafka-sender"));
        assertTrue(GatewayThreadsCpu.isGateway("kafka-producer-network-thread | ingest-gateway"));
        assertTrue(
                GatewayThreadsCpu.isGateway(
                        "kafka-admin-client-thread | ingest-gateway-readiness"));
        assertFalse(GatewayThreadsCpu.isGateway("data-plane-kafka-request-handler-0"));
        assertFalse(GatewayThreadsCpu.isGateway("data-plane-kafka-network-thread-1-ListenerName"));
        assertFalse(GatewayThreadsCpu.isGateway("C2 CompilerThread0"));
        assertTrue(GatewayThreadsCpu.nanos() >= 0);
    }
}
