package org.livepeer.analytics.clickhouse.server;

import java.io.File;
import java.io.IOException;
import java.util.List;

/**
 * A tiny {@code sh} loop that terminates the server once this JVM is gone. Shutdown hooks do not
 * run on SIGKILL or a crash; without this, every killed test run would leave a server behind. It
 * runs in its own session ({@link OwnSession}), so killing the JVM's process group spares it.
 */
final class ServerWatchdog {
    static final String SCRIPT =
            "jvm=$1; server=$2\n"
                    + "while kill -0 \"$jvm\" 2>/dev/null && kill -0 \"$server\" 2>/dev/null; do"
                    + " sleep 1; done\n"
                    + "if kill -0 \"$server\" 2>/dev/null; then\n"
                    + "  kill -TERM \"$server\" 2>/dev/null\n"
                    + "  n=0\n"
                    + "  while kill -0 \"$server\" 2>/dev/null && [ $n -lt "
                    + ClickHouseServerProcess.STOP_GRACE_SECONDS
                    + " ]; do sleep 1; n=$((n+1)); done\n"
                    + "  kill -KILL \"$server\" 2>/dev/null\n"
                    + "fi\n";

    private ServerWatchdog() {}

    static Process launch(long serverPid) throws IOException {
        String jvmPid = String.valueOf(ProcessHandle.current().pid());
        return new ProcessBuilder(
                        OwnSession.command(
                                List.of(
                                        "/bin/sh",
                                        "-c",
                                        SCRIPT,
                                        "clickhouse-watchdog",
                                        jvmPid,
                                        String.valueOf(serverPid))))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }
}
