package org.livepeer.analytics.sse;

import org.livepeer.analytics.http.ServiceMain;
import org.livepeer.analytics.sse.config.SseConfig;

/** Entry point of the SSE API (docs/live-metrics.md; settings: docs/configuration.md). */
public final class SseMain {

    private SseMain() {}

    public static void main(String[] args) {
        ServiceMain.run("sse-api", SseConfig::fromEnv, SseVerticle::new);
    }
}
