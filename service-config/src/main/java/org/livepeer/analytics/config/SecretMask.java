package org.livepeer.analytics.config;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Decides which settings are secret, by name, and renders configuration with their values masked. A
 * name is split into words (at '.', '_', '-' and camelCase humps); it is secret when a word
 * contains password, passwd, passphrase, secret, token, credential, cert or jaas, is pwd or pass,
 * or ends in key/keys. Matching words rather than substrings keeps {@code ssl.keystore.location}
 * and {@code sasl.mechanism} readable while {@code ssl.keystore.key}, {@code apiKey} and {@code
 * ssl.truststore.certificates} are masked. Masking by name, not by a list of fields, keeps settings
 * added later masked too (docs/configuration.md, "Secrets in logs").
 */
public final class SecretMask {

    public static final String MASK = "****";

    private static final Pattern SECRET_WORD =
            Pattern.compile(
                    ".*(password|passwd|passphrase|secret|token|credential|cert|jaas).*"
                            + "|pwd|pass|.*keys?");

    private static final Pattern WORD_BREAK = Pattern.compile("[._\\-]|(?<=[a-z0-9])(?=[A-Z])");

    private SecretMask() {}

    /** Whether a setting called {@code name} holds a password, key, token or certificate. */
    public static boolean isSecret(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.contains("auth.info") || lower.contains("auth_info")) {
            return true;
        }
        return WORD_BREAK
                .splitAsStream(name)
                .anyMatch(word -> SECRET_WORD.matcher(word.toLowerCase(Locale.ROOT)).matches());
    }

    /** {@code value}, or {@link #MASK} when {@code name} is secret and the value is not empty. */
    public static String show(String name, String value) {
        if (!isSecret(name) || value == null || value.isEmpty()) {
            return value;
        }
        return MASK;
    }

    /** A sorted copy of {@code settings} with every secret value masked. */
    public static Map<String, String> mask(Map<String, String> settings) {
        Map<String, String> shown = new TreeMap<>();
        settings.forEach((k, v) -> shown.put(k, show(k, v)));
        return shown;
    }

    /** {@code Name[component=value, ...]}, secrets masked, nested records and maps included. */
    public static String render(Record config) {
        StringBuilder out = new StringBuilder(config.getClass().getSimpleName()).append('[');
        RecordComponent[] components = config.getClass().getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            if (i > 0) {
                out.append(", ");
            }
            String name = components[i].getName();
            out.append(name).append('=').append(value(name, read(components[i], config)));
        }
        return out.append(']').toString();
    }

    private static Object value(String name, Object value) {
        if (isSecret(name)) {
            return value == null || value.toString().isEmpty() ? "" : MASK;
        }
        if (value instanceof Record r) {
            return render(r);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> masked = new TreeMap<>();
            map.forEach((k, v) -> masked.put(String.valueOf(k), value(String.valueOf(k), v)));
            return masked;
        }
        return value;
    }

    private static Object read(RecordComponent component, Record config) {
        try {
            return component.getAccessor().invoke(config);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName(), e);
        }
    }
}
