package org.livepeer.analytics.gateway.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.livepeer.analytics.config.ConfigException;

/**
 * Reads API keys from {@code INGEST_API_KEYS} ({@code name:key,...}) and the optional keys file
 * (one {@code name:key} per line, {@code #} comments). Names and keys must be unique across both.
 * Error messages name the entry's position, never the key.
 */
final class ApiKeyList {

    private static final Pattern KEY_NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final List<ApiKey> keys = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private final Set<String> hashes = new HashSet<>();

    /** The keys of {@code envList} followed by those of {@code file} (null: no file). */
    List<ApiKey> load(String envList, Path file) {
        int position = 0;
        for (String entry : envList.split(",", -1)) {
            position++;
            add(entry.trim(), "INGEST_API_KEYS entry " + position);
        }
        if (file != null) {
            List<String> lines = readLines(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                int hash = line.indexOf('#');
                String entry = (hash < 0 ? line : line.substring(0, hash)).trim();
                add(entry, "INGEST_API_KEYS_FILE " + file + " line " + (i + 1));
            }
        }
        return List.copyOf(keys);
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(
                    "INGEST_API_KEYS_FILE " + file + " cannot be read: " + e.getMessage());
        }
    }

    private void add(String entry, String where) {
        if (entry.isEmpty()) {
            return;
        }
        int colon = entry.indexOf(':');
        String name = colon < 0 ? "" : entry.substring(0, colon).trim();
        String key = colon < 0 ? "" : entry.substring(colon + 1).trim();
        if (!KEY_NAME.matcher(name).matches() || key.isEmpty()) {
            throw new ConfigException(
                    where
                            + " must be name:key with a name of 1-64 characters of [A-Za-z0-9._-]"
                            + " and a non-empty key");
        }
        ApiKey apiKey = ApiKey.of(name, key);
        if (!names.add(name)) {
            throw new ConfigException(
                    where + ": API key names must be unique; '" + name + "' repeats");
        }
        if (!hashes.add(HexFormat.of().formatHex(apiKey.sha256()))) {
            throw new ConfigException(
                    where + ": the key of '" + name + "' is also used by another name");
        }
        keys.add(apiKey);
    }
}
