package org.livepeer.analytics.config;

import java.util.Optional;

/**
 * One environment variable of a service: its name, its default, what it means and whether its value
 * is secret. Each service lists its variables in one enum implementing this (its catalog); {@link
 * ConfigReader} reads them and {@link CatalogTable} renders them into docs/configuration.md.
 */
public interface ConfigKeyDef {

    /** The environment variable's name. */
    String envName();

    /** The value used when the variable is unset; empty when the variable must be set. */
    Optional<String> defaultValue();

    /** One line: what the value means and what it accepts. */
    String doc();

    /**
     * Whether the value is secret: error messages and logs show {@code ****} instead. By default
     * the name decides ({@link SecretMask#isSecret}), so a key named like a password is never
     * shown.
     */
    default boolean secret() {
        return SecretMask.isSecret(envName());
    }
}
