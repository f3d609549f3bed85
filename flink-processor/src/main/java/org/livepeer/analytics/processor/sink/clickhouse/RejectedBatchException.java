package org.livepeer.analytics.processor.sink.clickhouse;

import java.io.IOException;

/**
 * ClickHouse refused a batch because of its data ({@code FailureKind.REJECT_DATA}): sending the
 * same bytes again fails again, so the writer splits the batch to find the rows at fault.
 */
final class RejectedBatchException extends IOException {

    private static final long serialVersionUID = 1L;

    RejectedBatchException(String message, Throwable cause) {
        super(message, cause);
    }
}
