package org.livepeer.analytics.config;

import java.util.Optional;

/**
 * One environment variable of a service: its name, its default, what it means and whether its value
 * is secret. Each service lists its variables in one enum implementing this (its catalog), each
 * constant with its {@link KeySpec}; {@link ConfigReader} reads them and {@link CatalogTable}
 * renders them into docs/configuration.md.
 */
public interface ConfigKeyDef {

    /**
     * The key's default and meaning, as its constructor declared them ({@link KeySpec#declare}).
     */
    default KeySpec spec() {
        return KeySpec.of(this);
    }

    /** The constant's name; enums implement it. */
    String name();

    /** The environment variable's name: the constant's name unless the catalog says otherwise. */
    default String envName() {
        return name();
    }

    /** The value used when the variable is unset; empty when the variable must be set. */
    default Optional<String> defaultValue() {
        return spec().defaultValue();
    }

    /** One line: what the value means and what it accepts. */
    default String doc() {
        return spec().doc();
    }

    /**
     * Whether the value is secret: error messages and logs show {@code ****} instead. By default
     * the name decides ({@link SecretMask#isSecret}), so a key named like a password is never
     * shown.
     */
    default boolean secret() {
        return SecretMask.isSecret(envName());
    }
}
