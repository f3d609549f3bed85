package org.livepeer.analytics.gateway.ingest;

/**
 * Where one event sits in the request body: its 0-based position among the request's events and its
 * byte range, so the exact bytes received can be forwarded without re-serialising.
 */
public record RawEvent(int index, int offset, int length) {}
