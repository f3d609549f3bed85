package org.livepeer.analytics.event.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The strict reader on inputs that once escaped it (docs/testing.md, "Fuzzing"). */
class StrictJsonTest {

    /** Jackson threw NumberFormatException past the reader for these. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "1e-2147483648",
                "[0.5E-2147483649]",
                "{\"data\":{\"t\":1e99999999999}}",
            })
    void aFractionWhoseExponentNoBigDecimalHoldsIsInvalidJson(String json) {
        InvalidJsonException e =
                assertThrows(
                        InvalidJsonException.class,
                        () -> StrictJson.parse(json.getBytes(StandardCharsets.UTF_8)));
        assertFalse(e.encodingError());
    }

    @Test
    void aFractionWithTheLargestExponentBigDecimalHoldsIsANumber() throws InvalidJsonException {
        assertEquals(
                new BigDecimal("1e2147483647"),
                StrictJson.parse("1e2147483647".getBytes(StandardCharsets.UTF_8)).decimalValue());
    }
}
