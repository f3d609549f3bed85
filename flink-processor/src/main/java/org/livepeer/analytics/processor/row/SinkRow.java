package org.livepeer.analytics.processor.row;

import java.util.Objects;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * One row on its way to ClickHouse: the bare table name, the row as a JSONEachRow line, and the
 * Kafka record it came from (so a row ClickHouse rejects can be dead-lettered with its origin).
 * Rows travel between operators with {@link SinkRowSerializer}.
 */
@TypeInfo(SinkRowTypeInfo.Factory.class)
public final class SinkRow {

    public String table = "";
    public String json = "";
    public String kafkaTopic = "";
    public int kafkaPartition = -1;
    public long kafkaOffset = -1;

    public SinkRow() {}

    public SinkRow(String table, String json) {
        this.table = Objects.requireNonNull(table, "table");
        this.json = Objects.requireNonNull(json, "json");
    }

    public SinkRow(String table, String json, String kafkaTopic, int partition, long offset) {
        this(table, json);
        this.kafkaTopic = Objects.requireNonNull(kafkaTopic, "kafkaTopic");
        this.kafkaPartition = partition;
        this.kafkaOffset = offset;
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
