package org.livepeer.analytics.gateway.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.livepeer.analytics.gateway.http.GatewayErrorCode;
import org.livepeer.analytics.http.ApiException;

class NdjsonSplitterTest {

    private static List<String> split(String body, int max) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return NdjsonSplitter.split(bytes, max).stream()
                .map(e -> new String(bytes, e.offset(), e.length(), StandardCharsets.UTF_8))
                .toList();
    }

    @Test
    void oneEventPerNonBlankLine() {
        String body = "\n{\"a\":1}\r\n   \n\t{\"b\": \"é\"}  \r\nnot json\n{\"c\":3}";

        assertEquals(
                List.of("{\"a\":1}", "{\"b\": \"é\"}", "not json", "{\"c\":3}"), split(body, 10));
    }

    @Test
    void indexesCountEventsNotLines() {
        byte[] body = "\n\n{}\n\n[]\n".getBytes(StandardCharsets.UTF_8);

        assertEquals(
                List.of(new RawEvent(0, 2, 2), new RawEvent(1, 6, 2)),
                NdjsonSplitter.split(body, 10));
    }

    @Test
    void blankBodyHasNoEvents() {
        assertEquals(List.of(), split("", 10));
        assertEquals(List.of(), split(" \r\n\n\t", 10));
    }

    @Test
    void moreLinesThanTheLimitIsTooManyEvents() {
        assertEquals(2, split("{}\n{}\n\n", 2).size());
        ApiException e = assertThrows(ApiException.class, () -> split("{}\n{}\n{}", 2));
        assertEquals(GatewayErrorCode.TOO_MANY_EVENTS, e.code());
    }
}
