package org.livepeer.analytics.gateway.publish;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.livepeer.analytics.gateway.config.GatewayConfig;

/** Creates the publisher when the verticle starts, on the verticle's context. */
@FunctionalInterface
public interface PublisherFactory {

    Future<EventPublisher> create(Vertx vertx, GatewayConfig config);

    /** The production factory: a Kafka producer and admin client. */
    static PublisherFactory kafka() {
        return KafkaEventPublisher::create;
    }
}
