package org.livepeer.analytics.bench.gateway;

import java.util.Locale;

/** How the generator offers load. */
enum LoadModel {
    /** Requests at fixed due times, whatever happened to earlier ones ({@link OpenLoad}). */
    OPEN,
    /**
     * N connections, each sending its next request when the previous was answered ({@link
     * ClosedLoop}).
     */
    CLOSED;

    static LoadModel parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
