package org.livepeer.analytics.clickhouse.schema;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.livepeer.analytics.clickhouse.http.ServerVersion;

/**
 * A migration file {@code V###__name.sql}: its version, name, checksum and statements.
 *
 * <p>Statement rules, kept simple on purpose: a statement ends at a line whose last non-blank
 * character is {@code ;}; lines that start with {@code --} are comments and are dropped; a comment
 * {@code -- requires: X.Y} makes the statement it precedes (or sits in) run only on servers of
 * version X.Y or newer.
 */
public record Migration(
        int version, String name, String checksum, List<MigrationStatement> statements) {
    /** File names the migrator picks up. */
    public static final Pattern FILE_NAME = Pattern.compile("V(\\d{3,})__([A-Za-z0-9_]+)\\.sql");

    private static final Pattern REQUIRES =
            Pattern.compile("--\\s*requires:\\s*(\\d+\\.\\d+(?:\\.\\d+){0,2})\\s*");

    public Migration {
        statements = List.copyOf(statements);
    }

    /** {@code V001__raw_archive} style label, for logs and reports. */
    public String label() {
        return String.format("V%03d__%s", version, name);
    }

    /**
     * Parses a migration file.
     *
     * @param fileName the file's name (not its path), e.g. {@code V001__raw_archive.sql}
     * @param content the file's text
     */
    public static Migration parse(String fileName, String content) {
        Matcher m = FILE_NAME.matcher(fileName);
        if (!m.matches()) {
            throw new MigrationException(
                    "Migration file name '" + fileName + "' does not match V###__name.sql");
        }
        String normalised = content.replace("\r\n", "\n");
        return new Migration(
                Integer.parseInt(m.group(1)),
                m.group(2),
                sha256(normalised),
                statements(fileName, normalised));
    }

    static List<MigrationStatement> statements(String fileName, String content) {
        List<MigrationStatement> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        Optional<ServerVersion> requires = Optional.empty();
        for (String line : content.split("\n", -1)) {
            String trimmed = line.trim();
            if (trimmed.startsWith("--")) {
                Matcher r = REQUIRES.matcher(trimmed);
                if (r.matches()) {
                    requires = Optional.of(ServerVersion.parse(r.group(1)));
                } else if (trimmed.replace(" ", "").startsWith("--requires")) {
                    throw new MigrationException(
                            fileName
                                    + ": malformed requirement '"
                                    + trimmed
                                    + "' (want -- requires: X.Y)");
                }
                continue;
            }
            if (trimmed.isEmpty() && current.length() == 0) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                out.add(statement(current, requires));
                current.setLength(0);
                requires = Optional.empty();
            }
        }
        if (!current.toString().isBlank()) {
            out.add(statement(current, requires));
        } else if (requires.isPresent()) {
            throw new MigrationException(
                    fileName + ": '-- requires:' is not followed by a statement");
        }
        return out;
    }

    private static MigrationStatement statement(
            StringBuilder text, Optional<ServerVersion> requires) {
        String sql = text.toString().strip();
        if (sql.endsWith(";")) {
            sql = sql.substring(0, sql.length() - 1).strip();
        }
        return new MigrationStatement(sql, requires);
    }

    private static String sha256(String content) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of()
                    .formatHex(digest.digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required on every JVM", e);
        }
    }
}
