package org.livepeer.analytics.bench.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownTest {

    @Test
    void tableHasHeaderSeparatorAndRows() {
        String table =
                Markdown.table(
                        List.of("rate", "p95 ms"),
                        List.of(List.of("5000", "1.5"), List.of("a|b", "-")));

        assertEquals("| rate | p95 ms |\n|---|---|\n| 5000 | 1.5 |\n| a\\|b | - |\n", table);
    }

    @Test
    void rowsMustFitTheHeader() {
        assertThrows(
                IllegalArgumentException.class,
                () -> Markdown.table(List.of("a", "b"), List.of(List.of("1"))));
    }

    @Test
    void numbers() {
        assertEquals("1,234,567", Markdown.count(1_234_567));
        assertEquals("-12", Markdown.count(-12));
        assertEquals("2.5", Markdown.one(2.46));
        assertEquals("-", Markdown.one(Double.NaN));
    }

    @Test
    void nearestRankPercentiles() {
        List<Long> values = List.of(5L, 1L, 4L, 2L, 3L, 10L, 9L, 8L, 7L, 6L);

        assertEquals(5, Markdown.percentile(values, 50));
        assertEquals(10, Markdown.percentile(values, 95));
        assertEquals(1, Markdown.percentile(values, 1));
        assertEquals(Double.NaN, Markdown.percentile(List.of(), 50));
    }
}
