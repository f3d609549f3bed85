package org.livepeer.analytics.clickhouse.schema;

/** The migrations cannot be read or applied; the message says which file and why. */
public class MigrationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MigrationException(String message) {
        super(message);
    }

    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
