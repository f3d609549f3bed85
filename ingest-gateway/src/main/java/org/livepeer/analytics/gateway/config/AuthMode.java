package org.livepeer.analytics.gateway.config;

import java.util.Locale;

/** Whether ingest requests must present an API key. */
public enum AuthMode {
    /** {@code Authorization: Bearer <key>} required. */
    BEARER,
    /** No authentication; every event's source is {@code anonymous}. */
    NONE;

    static AuthMode parse(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "bearer" -> BEARER;
            case "none" -> NONE;
            default ->
                    throw new ConfigException(
                            ConfigKey.INGEST_AUTH.envName()
                                    + " must be 'bearer' or 'none', got '"
                                    + value
                                    + "'");
        };
    }
}
