package org.livepeer.analytics.config;

/** A small catalog with one key of each kind the reader reads. */
enum TestKey implements ConfigKeyDef {
    NAME("abc", "A name."),
    COUNT("7", "A count | with a bar."),
    BIG("5000000000", "A long."),
    WAIT_MS("250", "A wait."),
    FLAG("true", "A flag."),
    MODE("committed-or-earliest", "A mode."),
    ITEMS(" a, b ,,c ", "A list."),
    EMPTY("", "Empty by default."),
    REQUIRED(null, "No default."),
    API_PASSWORD("", "A secret.");

    TestKey(String defaultValue, String doc) {
        KeySpec.declare(this, defaultValue, doc);
    }

    enum Mode {
        COMMITTED_OR_EARLIEST,
        LATEST,
        EARLIEST
    }

    enum Auth {
        BEARER,
        NONE
    }
}
