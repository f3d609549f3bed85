package org.livepeer.analytics.sse.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ResumeTokenTest {

    @Test
    void formatsTheLastOffsetOfEveryPartitionInPartitionOrder() {
        assertEquals("0-41", ResumeToken.format(new long[] {41}));
        assertEquals("0-15_1-7_2-22", ResumeToken.format(new long[] {15, 7, 22}));
        assertEquals("0--1_1-3", ResumeToken.format(new long[] {-1, 3}));
        assertEquals("", ResumeToken.format(new long[0]));
    }

    @Test
    void parsesWhatItFormats() {
        long[] position = {15, -1, 22, 0};

        Map<Integer, Long> parsed = ResumeToken.parse(ResumeToken.format(position)).orElseThrow();

        assertEquals(Map.of(0, 15L, 1, -1L, 2, 22L, 3, 0L), parsed);
    }

    @Test
    void partitionsMayComeInAnyOrderAndSurroundingBlanksAreIgnored() {
        assertEquals(Optional.of(Map.of(0, 4L, 2, 9L)), ResumeToken.parse(" 2-9_0-4 "));
        // String.split drops trailing empty parts: a trailing separator is tolerated.
        assertEquals(Optional.of(Map.of(0, 1L)), ResumeToken.parse("0-1_"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                " ",
                "07", // no dash
                "-1-5", // negative partition
                "0--2", // offsets below -1
                "0-1_0-2", // a partition twice
                "a-1",
                "0-x",
                "0-",
                "_0-1", // an empty part
                "0-1__1-2",
                "0-99999999999999999999", // beyond a long
                "0-1;1-2"
            })
    void refusesMalformedTokens(String token) {
        assertTrue(ResumeToken.parse(token).isEmpty(), token);
    }

    @Test
    void refusesTokensLongerThan4096Characters() {
        StringBuilder b = new StringBuilder("0-1");
        for (int p = 1; b.length() <= 4096; p++) {
            b.append('_').append(p).append("-1");
        }

        assertTrue(ResumeToken.parse(b.toString()).isEmpty());
    }
}
