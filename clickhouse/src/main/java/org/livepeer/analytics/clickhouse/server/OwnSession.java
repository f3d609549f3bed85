package org.livepeer.analytics.clickhouse.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a child in a session of its own ({@code setsid}, which execs the command in place, keeping
 * its pid). A terminal sends Ctrl-C to its whole foreground process group: without this the server
 * would begin to stop on its own while the launcher is still flushing the job into it. The
 * watchdog, in a session of its own too, still stops the server when the JVM dies, even when the
 * JVM's whole process group is killed.
 */
final class OwnSession {

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private OwnSession() {}

    /** {@code command} behind {@code setsid} where the machine has it (util-linux), else as is. */
    static List<String> command(List<String> command) {
        if (!Files.isExecutable(SETSID)) {
            return command;
        }
        List<String> detached = new ArrayList<>(command.size() + 1);
        detached.add(SETSID.toString());
        detached.addAll(command);
        return detached;
    }
}
