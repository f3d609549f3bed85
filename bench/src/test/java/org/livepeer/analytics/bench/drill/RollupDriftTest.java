package org.livepeer.analytics.bench.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RollupDriftTest {

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
    void anAnswerOfAnotherShapeIsRefused() {
        assertThrows(IllegalStateException.class, () -> RollupDrift.differing("side\thour\n"));
    }

    @Test
    void theShippedCheckIsOnTheClasspathWithItsParametersFilledIn() {
        String sql = new RollupDrift().sql();
        assertTrue(sql.contains("differing_keys"), sql);
        assertTrue(sql.contains("CAST('2000-01-01 00:00:00' AS DateTime)"), sql);
        assertFalse(sql.contains("{from_hour"), sql);
    }
}
