package org.livepeer.analytics.gateway.publish;

/**
 * Who sent a request's events and when; carried as the {@code source} and {@code received_at}
 * record headers.
 */
public record EventOrigin(String source, long receivedAtMs) {}
