package org.livepeer.analytics.gateway;

import org.livepeer.analytics.gateway.config.GatewayConfig;
import org.livepeer.analytics.http.ServiceMain;

/** Entry point of the ingest gateway (docs/ingest-api.md; settings: docs/configuration.md). */
public final class GatewayMain {

    private GatewayMain() {}

    public static void main(String[] args) {
        ServiceMain.run("ingest-gateway", GatewayConfig::fromEnv, GatewayVerticle::new);
    }
}
