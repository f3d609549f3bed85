package org.livepeer.analytics.config;

import java.time.Duration;
import java.time.temporal.TemporalUnit;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Reads the keys of a catalog from an environment map, applying defaults. Every failure is a {@link
 * ConfigException} naming the variable, the value it got (masked when the key is secret) and what
 * it accepts, e.g. {@code GATEWAY_PORT must be an integer from 0 to 65535, got 'http'}. The map is
 * a parameter, not {@code System.getenv()}, so that loaders are unit-tested.
 */
public final class ConfigReader {

    private final Map<String, String> env;

    public ConfigReader(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** The value as set (untrimmed), else the default; fails when unset without a default. */
    public String raw(ConfigKeyDef key) {
        String v = env.get(key.envName());
        if (v != null) {
            return v;
        }
        return key.defaultValue()
                .orElseThrow(() -> new ConfigException(key.envName() + " must be set"));
    }

    /** Whether the variable is set at all (even to ""). */
    public boolean isSet(ConfigKeyDef key) {
        return env.containsKey(key.envName());
    }

    /** The trimmed value; may be empty. */
    public String string(ConfigKeyDef key) {
        return raw(key).trim();
    }

    /** The trimmed value, which must not be empty. */
    public String nonEmpty(ConfigKeyDef key) {
        String v = string(key);
        if (v.isEmpty()) {
            throw new ConfigException(key.envName() + " must not be empty");
        }
        return v;
    }

    /** A decimal integer from {@code min} to {@code max}. */
    public int integer(ConfigKeyDef key, int min, int max) {
        return (int) longValue(key, min, max);
    }

    /** A decimal long from {@code min} to {@code max}. */
    public long longValue(ConfigKeyDef key, long min, long max) {
        String raw = string(key);
        try {
            long v = Long.parseLong(raw);
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw invalid(key, "an integer from " + min + " to " + max);
    }

    /** An integer count of {@code unit} from {@code min} to {@code max}, as a duration. */
    public Duration duration(ConfigKeyDef key, TemporalUnit unit, long min, long max) {
        return Duration.of(longValue(key, min, max), unit);
    }

    /** {@code true} or {@code false}, in any case. */
    public boolean bool(ConfigKeyDef key) {
        return switch (string(key).toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(key, "'true' or 'false'");
        };
    }

    /**
     * One of {@code type}'s constants, written in lower case with '-' for '_' ({@code
     * COMMITTED_OR_EARLIEST} is {@code committed-or-earliest}); any case is accepted.
     */
    public <E extends Enum<E>> E oneOf(ConfigKeyDef key, Class<E> type) {
        String v = string(key).toLowerCase(Locale.ROOT).replace('_', '-');
        for (E constant : EnumSet.allOf(type)) {
            if (spelling(constant).equals(v)) {
                return constant;
            }
        }
        List<String> names =
                EnumSet.allOf(type).stream().map(c -> "'" + spelling(c) + "'").toList();
        String choices =
                names.size() == 2
                        ? names.get(0) + " or " + names.get(1)
                        : "one of " + String.join(", ", names);
        throw invalid(key, choices);
    }

    /** How {@link #oneOf} spells {@code constant} in the environment. */
    public static String spelling(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A comma-separated list, entries trimmed, empty entries left out. */
    public List<String> list(ConfigKeyDef key) {
        return Arrays.stream(raw(key).split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /**
     * Every variable whose name starts with {@code prefix} (and is longer), keyed by the rest of
     * the name, sorted: the pass-through namespaces such as {@code KAFKA_PRODUCER_*}.
     */
    public Map<String, String> withPrefix(String prefix) {
        return env.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix) && e.getKey().length() > prefix.length())
                .collect(
                        Collectors.toMap(
                                e -> e.getKey().substring(prefix.length()),
                                Map.Entry::getValue,
                                (a, b) -> a,
                                TreeMap::new));
    }

    /**
     * Fails when {@code oldName} is set: a renamed variable must not be ignored silently, or a
     * deployment that still sets it would run with the default.
     */
    public void rejectRenamed(String oldName, ConfigKeyDef replacement) {
        if (env.containsKey(oldName)) {
            throw new ConfigException(
                    oldName
                            + " was renamed: set "
                            + replacement.envName()
                            + " instead (the same name for every service; docs/configuration.md)");
        }
    }

    /**
     * A failure of {@code key}'s current value: "{@code KEY must be <expected>, got '<value>'}",
     * the value masked when the key is secret.
     */
    public ConfigException invalid(ConfigKeyDef key, String expected) {
        String raw = env.containsKey(key.envName()) ? env.get(key.envName()) : raw(key);
        String shown = key.secret() && !raw.isEmpty() ? SecretMask.MASK : raw.trim();
        return new ConfigException(
                key.envName() + " must be " + expected + ", got '" + shown + "'");
    }
}
