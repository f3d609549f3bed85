package org.livepeer.analytics.sse.config;

/** A configuration value is missing or malformed; the message names the key. */
public final class SseConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SseConfigException(String message) {
        super(message);
    }
}
