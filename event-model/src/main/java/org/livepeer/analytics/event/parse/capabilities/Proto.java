package org.livepeer.analytics.event.parse.capabilities;

import org.livepeer.analytics.event.parse.JsonFields;

/**
 * Reads of protobuf-generated fields, where {@code omitempty} drops zero values: absent means 0, ""
 * or false (see {@link NetworkCapabilitiesParser}). Wrong types still fail.
 */
final class Proto {

    private Proto() {}

    static long integer(JsonFields fields, String name) {
        Long v = fields.optionalInteger(name);
        return v == null ? 0L : v;
    }

    static long unsigned(JsonFields fields, String name) {
        Long v = fields.optionalUnsigned(name);
        return v == null ? 0L : v;
    }

    static String text(JsonFields fields, String name) {
        String v = fields.optionalText(name);
        return v == null ? "" : v;
    }

    static boolean bool(JsonFields fields, String name) {
        Boolean v = fields.optionalBoolean(name);
        return v != null && v;
    }
}
