package org.livepeer.analytics.clickhouse.server;

/** The server could not be started; the message includes where its logs are and their tail. */
public class ClickHouseStartException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean exitedEarly;

    public ClickHouseStartException(String message, boolean exitedEarly) {
        super(message);
        this.exitedEarly = exitedEarly;
    }

    /** True when the process ran and exited on its own before it was ready. */
    public boolean exitedEarly() {
        return exitedEarly;
    }
}
