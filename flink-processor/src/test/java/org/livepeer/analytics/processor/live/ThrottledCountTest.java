package org.livepeer.analytics.processor.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThrottledCountTest {

    private static final long MINUTE = 60_000;

    @Test
    void firstOccurrenceThenOneLinePerIntervalWithTheCountSinceThePreviousLine() {
        ThrottledCount count = new ThrottledCount(MINUTE);
        List<Long> due = new ArrayList<>();
        // 1,000 occurrences within one second: one line, for the first.
        for (int i = 0; i < 1_000; i++) {
            due.add(count.add(1, 1_000 + i));
        }
        assertEquals(1L, due.get(0));
        assertEquals(0, due.subList(1, due.size()).stream().filter(d -> d > 0).count());
        // Still inside the minute: counted, not due.
        assertEquals(0, count.add(5, 1_000 + MINUTE - 1));
        // A minute after the first line: everything since it, the 999 + 5 + these 2.
        assertEquals(1_006, count.add(2, 1_000 + MINUTE));
        assertEquals(0, count.add(1, 1_000 + MINUTE + 10));
        // A quiet hour later: the one left over plus this one, at once.
        assertEquals(2, count.add(1, 1_000 + 60 * MINUTE));
    }

    @Test
    void rejectsAnIntervalThatIsNotPositive() {
        assertThrows(IllegalArgumentException.class, () -> new ThrottledCount(0));
        assertThrows(IllegalArgumentException.class, () -> new ThrottledCount(-1));
    }
}
