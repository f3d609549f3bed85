package org.livepeer.analytics.sqlcompat.chdb;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** chDB rejected a statement; {@link #code()} is ClickHouse's error code (-1 if none was given). */
public final class ChDbException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private static final Pattern CODE = Pattern.compile("Code: (\\d+)");

    private final int code;

    ChDbException(String message) {
        super(message);
        Matcher m = CODE.matcher(message);
        this.code = m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** ClickHouse's error code, e.g. 115 for an unknown setting, or -1. */
    public int code() {
        return code;
    }
}
