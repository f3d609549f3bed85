package org.livepeer.analytics.clickhouse.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.livepeer.analytics.clickhouse.http.ClickHouseCredentials;

/**
 * How to run a {@link ClickHouseServerProcess}.
 *
 * @param binary the {@code clickhouse-server} executable
 * @param dataDir everything the server writes: data, tmp, generated config, logs
 * @param httpPort HTTP port on 127.0.0.1, or 0 for a free one
 * @param tcpPort native-protocol port on 127.0.0.1, or 0 for a free one
 * @param adminPassword password of {@code default}, the only user allowed DDL (the migrator)
 * @param writerPassword password of {@code writer} (INSERT and SELECT, no DDL; docs/decisions/0008)
 * @param readerPassword password of {@code reader} ({@code readonly=2}: reads, and settings)
 * @param startupTimeout how long to wait for {@code /ping}
 */
public record ClickHouseServerSettings(
        Path binary,
        Path dataDir,
        int httpPort,
        int tcpPort,
        String adminPassword,
        String writerPassword,
        String readerPassword,
        Duration startupTimeout) {

    public static final String ADMIN_USER = "default";
    public static final String WRITER_USER = "writer";
    public static final String READER_USER = "reader";

    private static final SecureRandom RANDOM = new SecureRandom();

    public ClickHouseServerSettings {
        Objects.requireNonNull(binary, "binary");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(adminPassword, "adminPassword");
        Objects.requireNonNull(writerPassword, "writerPassword");
        Objects.requireNonNull(readerPassword, "readerPassword");
        Objects.requireNonNull(startupTimeout, "startupTimeout");
        checkPort(httpPort, "httpPort");
        checkPort(tcpPort, "tcpPort");
        dataDir = dataDir.toAbsolutePath();
    }

    /**
     * Defaults for a data directory: the binary found by {@link #defaultBinary()}, free ports,
     * random passwords, 30 s to start.
     */
    public static ClickHouseServerSettings forDataDir(Path dataDir) {
        return new ClickHouseServerSettings(
                defaultBinary(),
                dataDir,
                0,
                0,
                randomPassword(),
                randomPassword(),
                randomPassword(),
                Duration.ofSeconds(30));
    }

    /**
     * {@code clickhouse-server} from {@code PATH}, else {@code /usr/sbin} or {@code /usr/bin}
     * (Debian installs it in {@code /usr/sbin}, which is not on every user's PATH).
     */
    public static Path defaultBinary() {
        List<Path> candidates = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(":")) {
                if (!dir.isEmpty()) {
                    candidates.add(Path.of(dir, "clickhouse-server"));
                }
            }
        }
        candidates.add(Path.of("/usr/sbin/clickhouse-server"));
        candidates.add(Path.of("/usr/bin/clickhouse-server"));
        return candidates.stream()
                .filter(Files::isExecutable)
                .findFirst()
                .orElse(Path.of("/usr/sbin/clickhouse-server"));
    }

    /** 24 random bytes, URL-safe Base64: fine in headers, XML and env files. */
    public static String randomPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public ClickHouseServerSettings withBinary(Path newBinary) {
        return new ClickHouseServerSettings(
                newBinary,
                dataDir,
                httpPort,
                tcpPort,
                adminPassword,
                writerPassword,
                readerPassword,
                startupTimeout);
    }

    public ClickHouseServerSettings withPorts(int newHttpPort, int newTcpPort) {
        return new ClickHouseServerSettings(
                binary,
                dataDir,
                newHttpPort,
                newTcpPort,
                adminPassword,
                writerPassword,
                readerPassword,
                startupTimeout);
    }

    public ClickHouseServerSettings withPasswords(String admin, String writer, String reader) {
        return new ClickHouseServerSettings(
                binary, dataDir, httpPort, tcpPort, admin, writer, reader, startupTimeout);
    }

    public ClickHouseServerSettings withStartupTimeout(Duration timeout) {
        return new ClickHouseServerSettings(
                binary,
                dataDir,
                httpPort,
                tcpPort,
                adminPassword,
                writerPassword,
                readerPassword,
                timeout);
    }

    public ClickHouseCredentials admin() {
        return new ClickHouseCredentials(ADMIN_USER, adminPassword);
    }

    public ClickHouseCredentials writer() {
        return new ClickHouseCredentials(WRITER_USER, writerPassword);
    }

    public ClickHouseCredentials reader() {
        return new ClickHouseCredentials(READER_USER, readerPassword);
    }

    @Override
    public String toString() {
        return "ClickHouseServerSettings[binary="
                + binary
                + ", dataDir="
                + dataDir
                + ", httpPort="
                + httpPort
                + ", tcpPort="
                + tcpPort
                + ", passwords=***, startupTimeout="
                + startupTimeout
                + "]";
    }

    private static void checkPort(int port, String name) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(name + " out of range: " + port);
        }
    }
}
