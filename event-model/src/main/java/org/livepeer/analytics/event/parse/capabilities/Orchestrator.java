package org.livepeer.analytics.event.parse.capabilities;

/** The identity columns every fan-out row of one array element repeats. */
record Orchestrator(int position, String address, String uri) {}
