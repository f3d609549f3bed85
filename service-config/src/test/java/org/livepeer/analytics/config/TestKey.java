package org.livepeer.analytics.config;

import java.util.Optional;

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

    private final String defaultValue;
    private final String doc;

    TestKey(String defaultValue, String doc) {
        this.defaultValue = defaultValue;
        this.doc = doc;
    }

    @Override
    public String envName() {
        return name();
    }

    @Override
    public Optional<String> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    @Override
    public String doc() {
        return doc;
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
