package org.livepeer.analytics.gateway.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Why the event at {@code index} was refused. {@code id} is the event's id when it had a readable
 * one, and is left out of the JSON otherwise.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Rejection(int index, String id, String error, String message) {}
