package org.livepeer.analytics.clickhouse.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ClickHouseServerSettingsTest {
    private final ClickHouseServerSettings settings =
            ClickHouseServerSettings.forDataDir(Path.of("/tmp/ch-test"))
                    .withPasswords("admin-pw", "writer-pw", "reader-pw")
                    .withPorts(18123, 19000);

    @Test
    void passwordsNeverShowInToStringOrUsersFile() {
        String users = ServerConfigFiles.users(settings);
        for (String secret : new String[] {"admin-pw", "writer-pw", "reader-pw"}) {
            assertFalse(settings.toString().contains(secret));
            assertFalse(settings.admin().toString().contains(secret));
            assertFalse(users.contains(secret));
        }
        assertTrue(users.contains(ServerConfigFiles.sha256Hex("writer-pw")));
    }

    @Test
    void usersFileGivesEachRoleItsProfile() {
        String users = ServerConfigFiles.users(settings);
        assertTrue(users.contains("<allow_ddl>0</allow_ddl>"));
        assertTrue(users.contains("<readonly>2</readonly>"));
        assertTrue(users.contains("<enable_http_compression>1</enable_http_compression>"));
        assertEquals(
                2, users.split("<allow_databases>", -1).length - 1, "writer and reader confined");
    }

    @Test
    void configBindsLoopbackWithTheGivenPortsAndUtc() {
        String config =
                ServerConfigFiles.config(
                        new ServerConfigFiles.Layout(settings.dataDir()),
                        settings.httpPort(),
                        settings.tcpPort());
        assertTrue(config.startsWith("<?xml version=\"1.0\"?>\n<yandex>"));
        assertTrue(config.contains("<listen_host>127.0.0.1</listen_host>"));
        assertTrue(config.contains("<http_port>18123</http_port>"));
        assertTrue(config.contains("<tcp_port>19000</tcp_port>"));
        assertTrue(config.contains("<timezone>UTC</timezone>"));
        assertTrue(config.contains("<mark_cache_size>"));
        assertTrue(config.contains("<path>/tmp/ch-test/data/</path>"));
    }

    @Test
    void configLimitsDropsToEmptyTablesWithTheFlagUnderTheServersPath() {
        ServerConfigFiles.Layout layout = new ServerConfigFiles.Layout(settings.dataDir());
        String config = ServerConfigFiles.config(layout, 18123, 19000);
        assertTrue(config.contains("<max_table_size_to_drop>1</max_table_size_to_drop>"));
        assertTrue(config.contains("<max_partition_size_to_drop>1</max_partition_size_to_drop>"));
        // The server looks for the flag in <path>/flags/.
        assertEquals(Path.of("/tmp/ch-test/data/flags/force_drop_table"), layout.forceDropFlag());
    }

    @Test
    void randomPasswordsDiffer() {
        assertNotEquals(
                ClickHouseServerSettings.randomPassword(),
                ClickHouseServerSettings.randomPassword());
        assertEquals(32, ClickHouseServerSettings.randomPassword().length());
    }

    @Test
    void portsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> settings.withPorts(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> settings.withPorts(0, 70000));
    }

    @Test
    void aMissingBinaryFailsWithAClearMessage() {
        ClickHouseStartException e =
                assertThrows(
                        ClickHouseStartException.class,
                        () ->
                                ClickHouseServerProcess.start(
                                        settings.withBinary(
                                                Path.of("/nonexistent/clickhouse-server"))));
        assertTrue(e.getMessage().contains("/nonexistent/clickhouse-server"), e.getMessage());
    }
}
