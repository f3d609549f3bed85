package org.livepeer.analytics.gateway.config;

/** Whether ingest requests must present an API key. */
public enum AuthMode {
    /** {@code Authorization: Bearer <key>} required. */
    BEARER,
    /** No authentication; every event's source is {@code anonymous}. */
    NONE
}
