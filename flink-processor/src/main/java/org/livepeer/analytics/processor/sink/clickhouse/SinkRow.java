package org.livepeer.analytics.processor.sink.clickhouse;

import java.util.Objects;

/**
 * One row on its way to ClickHouse: the bare table name and the row as a JSONEachRow line. A Flink
 * POJO, so rows travel between operators without Kryo.
 */
public final class SinkRow {

    public String table = "";
    public String json = "";

    public SinkRow() {}

    public SinkRow(String table, String json) {
        this.table = Objects.requireNonNull(table, "table");
        this.json = Objects.requireNonNull(json, "json");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SinkRow other && table.equals(other.table) && json.equals(other.json);
    }

    @Override
    public int hashCode() {
        return Objects.hash(table, json);
    }

    @Override
    public String toString() {
        return table + " " + json;
    }
}
