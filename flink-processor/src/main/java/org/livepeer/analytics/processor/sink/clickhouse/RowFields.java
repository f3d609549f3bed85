package org.livepeer.analytics.processor.sink.clickhouse;

/** Reads a field from a JSONEachRow line the processor itself wrote, without parsing the line. */
final class RowFields {

    private RowFields() {}

    /**
     * The unsigned integer value of top-level {@code column} in {@code json}. The processor writes
     * every column name once per line and numbers unquoted (docs/processor.md), so the first {@code
     * "column":} is the field.
     *
     * @throws IllegalArgumentException when the line has no such numeric field
     */
    static long unsignedLong(String json, String column) {
        String key = "\"" + column + "\":";
        int at = json.indexOf(key);
        if (at < 0) {
            throw new IllegalArgumentException("row has no " + column + ": " + json);
        }
        int i = at + key.length();
        while (i < json.length() && json.charAt(i) == ' ') {
            i++;
        }
        int start = i;
        long value = 0;
        while (i < json.length() && Character.isDigit(json.charAt(i))) {
            value = value * 10 + (json.charAt(i) - '0');
            i++;
        }
        if (i == start) {
            throw new IllegalArgumentException("row's " + column + " is not a number: " + json);
        }
        return value;
    }
}
