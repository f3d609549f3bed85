package org.livepeer.analytics.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The embedded default's secrets. Generated on first start and kept under ANALYTICS_HOME so a
 * restart finds the same ClickHouse users and keys: {@code credentials.env} holds what users need
 * (ingest key, SSE token, the read-only ClickHouse account), {@code internal.env} the admin and
 * writer passwords. Both are readable by the owner only.
 */
public record Credentials(
        String ingestApiKey,
        String sseToken,
        String clickHouseReaderPassword,
        String clickHouseWriterPassword,
        String clickHouseAdminPassword) {

    public static final String USER_FILE = "credentials.env";
    public static final String INTERNAL_FILE = "internal.env";
    public static final String INGEST_KEY_NAME = "local";

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Reads the credentials under {@code home}, generating and saving any that are missing. */
    public static Credentials loadOrCreate(Path home) {
        Map<String, String> values = new LinkedHashMap<>();
        values.putAll(read(home.resolve(USER_FILE)));
        values.putAll(read(home.resolve(INTERNAL_FILE)));
        Credentials c =
                new Credentials(
                        values.computeIfAbsent("INGEST_API_KEY", k -> secret()),
                        values.computeIfAbsent("SSE_TOKEN", k -> secret()),
                        values.computeIfAbsent("CLICKHOUSE_PASSWORD", k -> secret()),
                        values.computeIfAbsent("CLICKHOUSE_WRITER_PASSWORD", k -> secret()),
                        values.computeIfAbsent("CLICKHOUSE_ADMIN_PASSWORD", k -> secret()));
        return c;
    }

    /** Writes both files (0600 from the start); {@code clickHouseUrl} is what users query. */
    public void save(Path home, String clickHouseUrl) {
        AnalyticsHome.writeOwnerOnly(
                home.resolve(USER_FILE),
                List.of(
                        "# livepeer-analytics embedded default: what clients need",
                        "INGEST_API_KEY=" + ingestApiKey,
                        "SSE_TOKEN=" + sseToken,
                        "CLICKHOUSE_URL=" + clickHouseUrl,
                        "CLICKHOUSE_USER=reader",
                        "CLICKHOUSE_PASSWORD=" + clickHouseReaderPassword));
        AnalyticsHome.writeOwnerOnly(
                home.resolve(INTERNAL_FILE),
                List.of(
                        "# livepeer-analytics embedded default: service accounts, keep private",
                        "CLICKHOUSE_WRITER_PASSWORD=" + clickHouseWriterPassword,
                        "CLICKHOUSE_ADMIN_PASSWORD=" + clickHouseAdminPassword));
    }

    @Override
    public String toString() {
        return "Credentials[****]";
    }

    private static String secret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static Map<String, String> read(Path file) {
        Map<String, String> values = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return values;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int eq = line.indexOf('=');
                if (!line.startsWith("#") && eq > 0) {
                    values.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return values;
    }
}
