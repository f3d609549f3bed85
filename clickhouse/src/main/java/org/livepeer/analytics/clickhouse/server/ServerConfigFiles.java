package org.livepeer.analytics.clickhouse.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Writes the {@code config.xml} and {@code users.xml} a {@link ClickHouseServerProcess} runs with.
 * The root element is {@code <yandex>}, which every release from 18.16 to today accepts.
 *
 * <p>ClickHouse 18.16 has no GRANT and no settings constraints (19.14+; a {@code <constraints>}
 * element makes every query of that profile fail with "Unknown setting"), and {@code readonly}
 * forbids INSERT too. So the writer's "no DDL" is the profile setting {@code allow_ddl=0}, which a
 * writer can override with {@code ?allow_ddl=1} in the URL; what 18.16 does enforce is that no user
 * drops or truncates a table holding data ({@code max_table_size_to_drop}, see {@link
 * ClickHouseServerProcess#allowingDrop}). Reader and writer are confined to {@code
 * livepeer_analytics} (and {@code system}) with {@code allow_databases}. docs/decisions/0008 says
 * what is left open.
 */
final class ServerConfigFiles {
    private ServerConfigFiles() {}

    /** The layout of a server's data directory. */
    record Layout(Path root) {
        Path configDir() {
            return root.resolve("config");
        }

        Path configFile() {
            return configDir().resolve("config.xml");
        }

        /** ClickHouse merges every {@code *.xml} here into {@code config.xml} at start. */
        Path configDropInDir() {
            return configDir().resolve("config.d");
        }

        /** Likewise merged into {@code users.xml}: profiles, users, quotas. */
        Path usersDropInDir() {
            return configDir().resolve("users.d");
        }

        Path usersFile() {
            return configDir().resolve("users.xml");
        }

        Path dataDir() {
            return root.resolve("data");
        }

        /** While it exists, the server lets the next drop through ({@code <path>/flags/}). */
        Path forceDropFlag() {
            return dataDir().resolve("flags").resolve("force_drop_table");
        }

        Path tmpDir() {
            return root.resolve("tmp");
        }

        Path userFilesDir() {
            return root.resolve("user_files");
        }

        Path logDir() {
            return root.resolve("log");
        }

        Path serverLog() {
            return logDir().resolve("clickhouse-server.log");
        }

        Path errorLog() {
            return logDir().resolve("clickhouse-server.err.log");
        }

        Path stdoutLog() {
            return logDir().resolve("stdout.log");
        }

        Path stderrLog() {
            return logDir().resolve("stderr.log");
        }
    }

    static void write(Layout layout, ClickHouseServerSettings s, int httpPort, int tcpPort)
            throws IOException {
        for (Path dir :
                new Path[] {
                    layout.configDir(),
                    layout.dataDir(),
                    layout.tmpDir(),
                    layout.userFilesDir(),
                    layout.logDir()
                }) {
            Files.createDirectories(dir);
        }
        Files.writeString(
                layout.configFile(), config(layout, httpPort, tcpPort), StandardCharsets.UTF_8);
        Files.writeString(layout.usersFile(), users(s), StandardCharsets.UTF_8);
    }

    static String config(Layout layout, int httpPort, int tcpPort) {
        return "<?xml version=\"1.0\"?>\n<yandex>\n"
                + "  <logger>\n"
                + "    <level>information</level>\n"
                + "    <log>"
                + xml(layout.serverLog())
                + "</log>\n"
                + "    <errorlog>"
                + xml(layout.errorLog())
                + "</errorlog>\n"
                + "    <size>100M</size>\n"
                + "    <count>3</count>\n"
                + "  </logger>\n"
                + "  <listen_host>127.0.0.1</listen_host>\n"
                + "  <http_port>"
                + httpPort
                + "</http_port>\n"
                + "  <tcp_port>"
                + tcpPort
                + "</tcp_port>\n"
                + "  <max_connections>4096</max_connections>\n"
                // On SIGTERM the server waits for idle keep-alive connections to time out, so a
                // long timeout makes every stop slow (10 s default: ~11 s per stop, measured).
                + "  <keep_alive_timeout>3</keep_alive_timeout>\n"
                + "  <max_concurrent_queries>100</max_concurrent_queries>\n"
                + "  <uncompressed_cache_size>268435456</uncompressed_cache_size>\n"
                + "  <mark_cache_size>268435456</mark_cache_size>\n"
                // 18.16 cannot stop the writer from sending allow_ddl=1 (docs/decisions/0008);
                // this server-wide limit is what it can enforce: no user may DROP, TRUNCATE or
                // DROP PARTITION a MergeTree table holding data unless the flag file exists.
                + "  <max_table_size_to_drop>1</max_table_size_to_drop>\n"
                + "  <max_partition_size_to_drop>1</max_partition_size_to_drop>\n"
                + "  <path>"
                + xml(layout.dataDir())
                + "/</path>\n"
                + "  <tmp_path>"
                + xml(layout.tmpDir())
                + "/</tmp_path>\n"
                + "  <user_files_path>"
                + xml(layout.userFilesDir())
                + "/</user_files_path>\n"
                + "  <users_config>"
                + xml(layout.usersFile())
                + "</users_config>\n"
                + "  <default_profile>default</default_profile>\n"
                + "  <default_database>default</default_database>\n"
                + "  <timezone>UTC</timezone>\n"
                + "  <mlock_executable>false</mlock_executable>\n"
                + "</yandex>\n";
    }

    static String users(ClickHouseServerSettings s) {
        return "<?xml version=\"1.0\"?>\n<yandex>\n"
                + "  <profiles>\n"
                + "    <default>\n"
                + "      <max_memory_usage>4000000000</max_memory_usage>\n"
                + "    </default>\n"
                + "    <writer>\n"
                + "      <allow_ddl>0</allow_ddl>\n"
                + "    </writer>\n"
                + "    <reader>\n"
                // readonly=2: reads, and per-query settings, which Grafana's ClickHouse plugin
                // sends with every query (max_execution_time) and readonly=1 refuses on 18.16,
                // which has no settings constraints (docs/grafana.md). Writes and DDL stay refused,
                // and readonly itself cannot be lowered per query.
                + "      <readonly>2</readonly>\n"
                + "      <allow_ddl>0</allow_ddl>\n"
                + "      <enable_http_compression>1</enable_http_compression>\n"
                + "    </reader>\n"
                + "  </profiles>\n"
                + "  <users>\n"
                + user(ClickHouseServerSettings.ADMIN_USER, s.adminPassword(), "default", false)
                + user(ClickHouseServerSettings.WRITER_USER, s.writerPassword(), "writer", true)
                + user(ClickHouseServerSettings.READER_USER, s.readerPassword(), "reader", true)
                + "  </users>\n"
                + "  <quotas>\n"
                + "    <default>\n"
                + "      <interval>\n"
                + "        <duration>3600</duration>\n"
                + "        <queries>0</queries>\n"
                + "        <errors>0</errors>\n"
                + "        <result_rows>0</result_rows>\n"
                + "        <read_rows>0</read_rows>\n"
                + "        <execution_time>0</execution_time>\n"
                + "      </interval>\n"
                + "    </default>\n"
                + "  </quotas>\n"
                + "</yandex>\n";
    }

    private static String user(String name, String password, String profile, boolean confined) {
        String databases =
                confined
                        ? "      <allow_databases><database>livepeer_analytics</database></allow_databases>\n"
                        : "";
        return "    <"
                + name
                + ">\n"
                + "      <password_sha256_hex>"
                + sha256Hex(password)
                + "</password_sha256_hex>\n"
                + "      <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>\n"
                + "      <profile>"
                + profile
                + "</profile>\n"
                + "      <quota>default</quota>\n"
                + databases
                + "    </"
                + name
                + ">\n";
    }

    static String sha256Hex(String password) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of()
                    .formatHex(digest.digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required on every JVM", e);
        }
    }

    private static String xml(Path path) {
        return path.toString().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
