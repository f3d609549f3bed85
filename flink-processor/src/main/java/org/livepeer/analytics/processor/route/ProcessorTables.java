package org.livepeer.analytics.processor.route;

/** Tables the processor itself defines rows for (typed tables are named by the event model). */
public final class ProcessorTables {

    public static final String RAW_ARCHIVE = "streaming_events";
    public static final String DEAD_LETTERS = "streaming_events_dlq";

    private ProcessorTables() {}
}
