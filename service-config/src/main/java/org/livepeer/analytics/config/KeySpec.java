package org.livepeer.analytics.config;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a catalog says of one key: its default (empty when the variable must be set) and one line on
 * what it means and accepts. A key enum declares each constant's spec in its constructor, {@code
 * KeySpec.declare(this, defaultValue, doc)}, and {@link ConfigKeyDef} answers the rest from it: a
 * catalog is its list of constants and nothing else.
 */
public record KeySpec(Optional<String> defaultValue, String doc) {

    private static final Map<ConfigKeyDef, KeySpec> DECLARED = new ConcurrentHashMap<>();

    /** {@code defaultValue} null: the variable has no default and must be set. */
    public static KeySpec of(String defaultValue, String doc) {
        return new KeySpec(Optional.ofNullable(defaultValue), doc);
    }

    /** Called once per constant, from the key enum's constructor. */
    public static void declare(ConfigKeyDef key, String defaultValue, String doc) {
        DECLARED.put(key, of(defaultValue, doc));
    }

    static KeySpec of(ConfigKeyDef key) {
        KeySpec spec = DECLARED.get(key);
        if (spec == null) {
            throw new IllegalStateException(key.name() + " declared no KeySpec in its constructor");
        }
        return spec;
    }
}
