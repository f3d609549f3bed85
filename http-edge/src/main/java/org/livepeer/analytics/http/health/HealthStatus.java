package org.livepeer.analytics.http.health;

/** Body of a successful probe answer: {@code {"status":"up"}} or {@code {"status":"ready"}}. */
public record HealthStatus(String status) {}
