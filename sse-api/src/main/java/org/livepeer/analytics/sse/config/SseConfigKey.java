package org.livepeer.analytics.sse.config;

/** Every environment variable the SSE API reads, with its default and meaning. */
public enum SseConfigKey {
    SSE_HOST("127.0.0.1", "Interface the HTTP server binds to."),
    SSE_PORT("8090", "HTTP port; 0 picks a free port."),
    SSE_AUTH("token", "'token' (read token required) or 'none' (open; logs a warning)."),
    SSE_TOKEN("", "Read token clients present; required unless SSE_AUTH=none. Kept hashed.");

    private final String defaultValue;
    private final String description;

    SseConfigKey(String defaultValue, String description) {
        this.defaultValue = defaultValue;
        this.description = description;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }
}
