package org.livepeer.analytics.clickhouse.http;

import java.util.Objects;

/** A ClickHouse user name and its password. {@link #toString()} never shows the password. */
public record ClickHouseCredentials(String user, String password) {
    public ClickHouseCredentials {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (user.isBlank()) {
            throw new IllegalArgumentException("user must not be blank");
        }
    }

    @Override
    public String toString() {
        return "ClickHouseCredentials[user=" + user + ", password=***]";
    }
}
