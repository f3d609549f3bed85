package org.livepeer.analytics.bench.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RollupDriftTest {

    private static final String QUERY =
            """
            -- deterministic: true
            -- param: from_hour DateTime = 2000-01-01 00:00:00
            -- param: to_hour DateTime = 2100-01-01 00:00:00
            SELECT count() FROM t
            WHERE hour >= {from_hour:DateTime} AND hour < {to_hour:DateTime};
            """;

    @Test
    void placeholdersBecomeTheirDeclaredDefaultsAsTypedLiterals() {
        assertEquals(
                """
                -- deterministic: true
                -- param: from_hour DateTime = 2000-01-01 00:00:00
                -- param: to_hour DateTime = 2100-01-01 00:00:00
                SELECT count() FROM t
                WHERE hour >= CAST('2000-01-01 00:00:00' AS DateTime) AND hour < \
                CAST('2100-01-01 00:00:00' AS DateTime)""",
                RollupDrift.withDefaults(QUERY));
    }

    @Test
    void aPlaceholderWithoutDefaultIsRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> RollupDrift.withDefaults("SELECT {x:UInt32}"));
    }

    @Test
    void aSummaryRowCountsItsDifferingKeys() {
        assertEquals(
                0, RollupDrift.differing("keys\tdiffering_keys\tdiffering_hours\n12\t0\t[]\n"));
        assertEquals(
                3,
                RollupDrift.differing(
                        "keys\tdiffering_keys\tdiffering_hours\n3\t3\t['2026-12-02 06:00:00']\n"));
    }

    @Test
    void withoutSummaryEachRowIsADifference() {
        assertEquals(0, RollupDrift.differing("side\thour\n"));
        assertEquals(2, RollupDrift.differing("side\thour\nstored\t1\nrecomputed\t1\n"));
    }
}
