package org.livepeer.analytics.processor.row;

/**
 * Tables the processor itself defines rows for (typed tables are named by the event model); the
 * router builds their rows and the sink treats them apart (docs/processor.md, "Sink").
 */
public final class ProcessorTables {

    /** The raw archive: every record as received (clickhouse/migrations/V001). */
    public static final String RAW_ARCHIVE = "streaming_events";

    /** The dead letters: every record that did not become typed rows, with its error type. */
    public static final String DEAD_LETTERS = "streaming_events_dlq";

    private ProcessorTables() {}
}
