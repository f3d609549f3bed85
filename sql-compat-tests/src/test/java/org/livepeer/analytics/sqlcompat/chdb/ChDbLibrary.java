package org.livepeer.analytics.sqlcompat.chdb;

import com.sun.jna.FunctionMapper;
import com.sun.jna.Library;
import com.sun.jna.Pointer;
import java.util.Locale;

/**
 * The part of chDB's C API ({@code chdb.h}, v3 connection API) the wrapper uses. Strings go in as
 * UTF-8 bytes with explicit lengths ({@code chdb_query_n}), so JNA's platform encoding never
 * matters. Method names are the C names in camelCase; {@link #C_NAMES} maps them back.
 */
interface ChDbLibrary extends Library {

    /** {@code chdbQueryN} to {@code chdb_query_n}. */
    FunctionMapper C_NAMES =
            (library, method) ->
                    method.getName().replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);

    /**
     * {@code void chdb_set_signal_handlers_enabled(bool)}. Must be off in a JVM: the JVM itself
     * raises SIGSEGV (implicit null checks, safepoints) and handles it; with chDB's handlers
     * installed such a signal hangs or kills the process.
     */
    void chdbSetSignalHandlersEnabled(boolean enabled);

    /** {@code chdb_connection* chdbConnect(int argc, char** argv)}; null on failure. */
    Pointer chdbConnect(int argc, String[] argv);

    /** {@code void chdbCloseConn(chdb_connection* conn)}. */
    void chdbCloseConn(Pointer connectionHandle);

    /**
     * {@code chdb_result* chdbQueryN(chdb_connection, const char*, size_t, const char*, size_t)}.
     */
    Pointer chdbQueryN(
            Pointer connection, byte[] query, long queryLength, byte[] format, long formatLength);

    /** {@code const char* chdbResultError(chdb_result*)}; null when the query succeeded. */
    Pointer chdbResultError(Pointer result);

    /** {@code char* chdbResultBuffer(chdb_result*)}. */
    Pointer chdbResultBuffer(Pointer result);

    /** {@code size_t chdbResultLength(chdb_result*)}. */
    long chdbResultLength(Pointer result);

    /** {@code void chdbDestroyQueryResult(chdb_result*)}. */
    void chdbDestroyQueryResult(Pointer result);
}
