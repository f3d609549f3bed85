package org.livepeer.analytics.bench.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HttpAnswerTest {

    private static ByteBuffer received(String text) {
        ByteBuffer b = ByteBuffer.allocate(1024);
        b.put(text.getBytes(StandardCharsets.US_ASCII));
        return b;
    }

    private static final String ANSWER =
            "HTTP/1.1 202 Accepted\r\ncontent-type: application/json\r\n"
                    + "content-length: 28\r\n\r\n{\"accepted\":1,\"rejected\":[]}";

    @Test
    void theStatusOnceHeadAndBodyAreThere() {
        assertEquals(202, HttpAnswer.status(received(ANSWER)));
        assertEquals(
                503,
                HttpAnswer.status(
                        received(
                                "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 2\r\n\r\n{}")));
    }

    @Test
    void incompleteUntilTheLastByte() {
        for (int cut = 0; cut < ANSWER.length(); cut++) {
            assertEquals(
                    HttpAnswer.INCOMPLETE,
                    HttpAnswer.status(received(ANSWER.substring(0, cut))),
                    "after " + cut + " bytes");
        }
    }

    @Test
    void noContentLengthMeansNoBody() {
        assertEquals(204, HttpAnswer.status(received("HTTP/1.1 204 No Content\r\n\r\n")));
    }
}
