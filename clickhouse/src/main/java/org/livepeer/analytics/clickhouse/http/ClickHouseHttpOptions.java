package org.livepeer.analytics.clickhouse.http;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Timeouts and settings that apply to every call of a {@link ClickHouseHttp} client.
 *
 * @param connectTimeout TCP connect timeout
 * @param requestTimeout whole-request timeout (sending, server work, reading the answer)
 * @param settings ClickHouse settings sent as URL parameters on every call; must be empty for a
 *     {@code readonly=1} user, which may not change any setting
 * @param insertCompression whether insert bodies are gzip-compressed
 */
public record ClickHouseHttpOptions(
        Duration connectTimeout,
        Duration requestTimeout,
        Map<String, String> settings,
        InsertCompression insertCompression) {

    /** Whether insert bodies are sent gzip-compressed. */
    public enum InsertCompression {
        /**
         * Gzip unless the server's host is a loopback address: on the same machine compressing
         * saves no network and costs CPU on both ends (docs/decisions/0007).
         */
        AUTO,
        GZIP,
        NONE
    }

    public ClickHouseHttpOptions {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(insertCompression, "insertCompression");
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout must be positive");
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("requestTimeout must be positive");
        }
        settings = Map.copyOf(settings);
    }

    /** 5 s to connect, 60 s per request, no extra settings, {@link InsertCompression#AUTO}. */
    public static ClickHouseHttpOptions defaults() {
        return new ClickHouseHttpOptions(
                Duration.ofSeconds(5), Duration.ofSeconds(60), Map.of(), InsertCompression.AUTO);
    }

    public ClickHouseHttpOptions withRequestTimeout(Duration timeout) {
        return new ClickHouseHttpOptions(connectTimeout, timeout, settings, insertCompression);
    }

    public ClickHouseHttpOptions withConnectTimeout(Duration timeout) {
        return new ClickHouseHttpOptions(timeout, requestTimeout, settings, insertCompression);
    }

    public ClickHouseHttpOptions withSettings(Map<String, String> newSettings) {
        return new ClickHouseHttpOptions(
                connectTimeout, requestTimeout, newSettings, insertCompression);
    }

    public ClickHouseHttpOptions withInsertCompression(InsertCompression compression) {
        return new ClickHouseHttpOptions(connectTimeout, requestTimeout, settings, compression);
    }
}
