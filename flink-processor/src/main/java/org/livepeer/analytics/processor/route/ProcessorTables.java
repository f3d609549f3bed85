package org.livepeer.analytics.processor.route;

import org.livepeer.analytics.processor.sink.clickhouse.ClickHouseSink;

/** Tables the processor itself defines rows for (typed tables are named by the event model). */
public final class ProcessorTables {

    public static final String RAW_ARCHIVE = ClickHouseSink.RAW_ARCHIVE_TABLE;
    public static final String DEAD_LETTERS = ClickHouseSink.DEAD_LETTER_TABLE;

    private ProcessorTables() {}
}
