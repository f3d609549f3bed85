package org.livepeer.analytics.event.rows;

/**
 * JSON text of row values, appended to one reusable {@link StringBuilder}: the same characters
 * Jackson's default generator writes (its escapes for quote, backslash and control characters,
 * upper-case <code>&#92;u00XX</code>, everything else as is; {@link Double#toString} for finite
 * doubles and quoted for the others), without a generator, a {@code Writer} and a synchronized
 * buffer per line. {@code JsonTextTest} compares the two character for character. Not thread-safe:
 * one per thread of rendering.
 */
final class JsonText {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /**
     * Per ASCII character: 0 = as is, -1 = <code>&#92;u00XX</code>, else the letter after a
     * backslash.
     */
    private static final int[] ESCAPES = new int[128];

    static {
        for (int c = 0; c < 0x20; c++) {
            ESCAPES[c] = -1;
        }
        ESCAPES['"'] = '"';
        ESCAPES['\\'] = '\\';
        ESCAPES['\b'] = 'b';
        ESCAPES['\t'] = 't';
        ESCAPES['\f'] = 'f';
        ESCAPES['\n'] = 'n';
        ESCAPES['\r'] = 'r';
    }

    final StringBuilder out = new StringBuilder(512);

    // Strings are scanned as a char array: one bulk copy instead of a checked charAt per char.
    private char[] scratch = new char[64];

    /** {@code s} as a JSON string literal, quotes included. */
    void string(String s) {
        int n = s.length();
        if (n > scratch.length) {
            scratch = new char[Math.max(n, 2 * scratch.length)];
        }
        char[] c = scratch;
        s.getChars(0, n, c, 0);
        out.append('"');
        int from = 0;
        for (int i = 0; i < n; i++) {
            char ch = c[i];
            if (ch < 128 && ESCAPES[ch] != 0) {
                out.append(s, from, i);
                escape(ch);
                from = i + 1;
            }
        }
        if (from == 0) {
            out.append(s);
        } else {
            out.append(s, from, n);
        }
        out.append('"');
    }

    void number(double d) {
        if (Double.isFinite(d)) {
            out.append(d);
        } else {
            out.append('"').append(d).append('"');
        }
    }

    /** {@code "name":}, the name escaped once here so columns can keep the result. */
    static String fieldName(String name) {
        JsonText text = new JsonText();
        text.string(name);
        return text.out.append(':').toString();
    }

    private void escape(char c) {
        int code = ESCAPES[c];
        out.append('\\');
        if (code > 0) {
            out.append((char) code);
        } else {
            out.append("u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
        }
    }
}
