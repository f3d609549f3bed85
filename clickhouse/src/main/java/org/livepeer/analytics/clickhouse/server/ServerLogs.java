package org.livepeer.analytics.clickhouse.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The tail of a server's logs, for error messages that explain a failed start. */
final class ServerLogs {
    private static final int TAIL_LINES = 30;

    private ServerLogs() {}

    static String describe(ServerConfigFiles.Layout layout) {
        StringBuilder out = new StringBuilder("Logs in ").append(layout.logDir()).append('.');
        for (Path file : List.of(layout.stderrLog(), layout.errorLog())) {
            List<String> tail = tail(file);
            if (!tail.isEmpty()) {
                out.append("\n--- last lines of ").append(file.getFileName()).append(" ---\n");
                out.append(String.join("\n", tail));
            }
        }
        return out.toString();
    }

    static List<String> tail(Path file) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size());
        } catch (IOException e) {
            return List.of("(cannot read " + file + ": " + e + ")");
        }
    }
}
