package org.livepeer.analytics.bench.pipeline;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code --name value} pairs. */
public final class Args {

    private Args() {}

    public static Map<String, String> parse(String[] args) {
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException(
                    "every option needs a value: " + Arrays.toString(args));
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            values.put(args[i].substring(2), args[i + 1]);
        }
        return values;
    }
}
