package org.livepeer.analytics.config;

/**
 * A configuration value is missing or malformed; the message names the variable, the value (masked
 * when secret) and what it accepts. An {@link IllegalArgumentException}, so callers that treat bad
 * arguments as a usage error (the launcher exits with 2) treat bad configuration the same way.
 */
public class ConfigException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
