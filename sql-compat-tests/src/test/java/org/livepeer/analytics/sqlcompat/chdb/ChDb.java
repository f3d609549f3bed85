package org.livepeer.analytics.sqlcompat.chdb;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * One connection to chDB, ClickHouse 26.x loaded in-process, with its databases under a folder of
 * its own. Not a server: there is no HTTP port, every statement goes through {@link #query}. One
 * connection per JVM at a time (chDB keeps a process-wide engine), so tests open one per class.
 */
public final class ChDb implements AutoCloseable {
    private final ChDbLibrary lib;
    private Pointer handle;
    private final Pointer connection;

    private ChDb(ChDbLibrary lib, Pointer handle) {
        this.lib = lib;
        this.handle = handle;
        this.connection = handle.getPointer(0);
    }

    /**
     * Loads {@code libchdb.so} and connects with {@code --path=dataDir}.
     *
     * @throws ChDbException when chDB refuses the connection
     */
    public static ChDb open(Path library, Path dataDir) {
        ChDbLibrary lib =
                Native.load(
                        library.toAbsolutePath().toString(),
                        ChDbLibrary.class,
                        Map.of(Library.OPTION_FUNCTION_MAPPER, ChDbLibrary.C_NAMES));
        // Like clickhouse-local, chDB also reads ./config.xml if the working directory has one;
        // Maven runs the tests in this module's folder, which has none.
        lib.chdbSetSignalHandlersEnabled(false);
        String[] argv = {"clickhouse", "--path=" + dataDir.toAbsolutePath()};
        Pointer handle = lib.chdbConnect(argv.length, argv);
        if (handle == null || handle.getPointer(0) == null) {
            throw new ChDbException("chdb_connect failed for " + dataDir);
        }
        ChDb db = new ChDb(lib, handle);
        // Same clock as the test server (its config pins UTC), whatever this machine's zone is.
        db.query("SET session_timezone = 'UTC'", "TSV");
        return db;
    }

    /**
     * Runs one statement and returns the answer in {@code format} ({@code TSV}, {@code
     * JSONEachRow}, ...); an empty string for statements without an answer.
     *
     * @throws ChDbException with ClickHouse's error code when the statement is rejected
     */
    public synchronized String query(String sql, String format) {
        Objects.requireNonNull(sql, "sql");
        if (handle == null) {
            throw new IllegalStateException("chDB connection is closed");
        }
        byte[] q = sql.getBytes(StandardCharsets.UTF_8);
        byte[] f = format.getBytes(StandardCharsets.US_ASCII);
        Pointer result = lib.chdbQueryN(connection, q, q.length, f, f.length);
        if (result == null) {
            throw new ChDbException("chDB returned no result for: " + sql);
        }
        try {
            Pointer error = lib.chdbResultError(result);
            if (error != null) {
                throw new ChDbException(error.getString(0, StandardCharsets.UTF_8.name()).trim());
            }
            long length = lib.chdbResultLength(result);
            Pointer buffer = lib.chdbResultBuffer(result);
            if (length == 0 || buffer == null) {
                return "";
            }
            return new String(buffer.getByteArray(0, (int) length), StandardCharsets.UTF_8);
        } finally {
            lib.chdbDestroyQueryResult(result);
        }
    }

    /** {@code SELECT version()}. */
    public String version() {
        return query("SELECT version()", "TSV").trim();
    }

    @Override
    public synchronized void close() {
        if (handle != null) {
            lib.chdbCloseConn(handle);
            handle = null;
        }
    }
}
