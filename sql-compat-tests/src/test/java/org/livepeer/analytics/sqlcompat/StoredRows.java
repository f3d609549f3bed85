package org.livepeer.analytics.sqlcompat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Stored rows as comparable text: lines sorted, and decimal fractions cut to 12 significant digits.
 * 18.16 reads decimal text into Float64 without correct rounding (JSON {@code 0.0009930487} is
 * stored as {@code 0.0009930486999999999}, one ulp off); 26.x rounds correctly. That last-bit
 * difference is the old parser's, not our schema's, so stored rows compare at 12 digits while
 * shipped queries, which round explicitly, compare exactly.
 */
final class StoredRows {
    private static final Pattern FRACTION = Pattern.compile("-?\\d+\\.\\d+(e-?\\d+)?");
    private static final MathContext DIGITS = new MathContext(12);

    private StoredRows() {}

    static List<String> canonical(String tsv) {
        return Arrays.stream(tsv.split("\n"))
                .filter(line -> !line.isEmpty())
                .map(StoredRows::line)
                .sorted()
                .toList();
    }

    private static String line(String line) {
        return Arrays.stream(line.split("\t", -1))
                .map(f -> FRACTION.matcher(f).matches() ? fraction(f) : f)
                .collect(Collectors.joining("\t"));
    }

    private static String fraction(String field) {
        return new BigDecimal(field).round(DIGITS).stripTrailingZeros().toPlainString();
    }
}
