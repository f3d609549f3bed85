package org.livepeer.analytics.event.rows;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One row of a typed ClickHouse table. Implementations are records whose camelCase components
 * serialise (through {@link RowJson}) to the table's snake_case columns, in declaration order.
 */
public interface TypedRow {

    /** The table (in database {@code livepeer_analytics}) this row belongs to. */
    @JsonIgnore
    String table();
}
