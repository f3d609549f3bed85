package org.livepeer.analytics.sse.config;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Renders configuration for the log with every secret masked. A value is secret when its name (a
 * record component, or a key of a map-valued component such as Kafka client properties) names a
 * password, key, secret, token, certificate or credential: {@code sasl.jaas.config}, {@code
 * ssl.key.password}, {@code ssl.truststore.certificates}, {@code apiKey}, {@code tokenSha256Hex}.
 * Masking by name, not by listing fields, keeps settings added later masked too.
 */
public final class SecretMask {

    static final String MASK = "****";

    private static final Pattern SECRET =
            Pattern.compile("pass(word|wd)?|key|secret|token|cert|credential|jaas|auth\\.info");

    private SecretMask() {}

    /** Whether a setting called {@code name} holds a secret. */
    public static boolean isSecret(String name) {
        return SECRET.matcher(name.toLowerCase(Locale.ROOT)).find();
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
