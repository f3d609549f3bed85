package org.livepeer.analytics.gateway.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.livepeer.analytics.gateway.http.GatewayErrorCode;
import org.livepeer.analytics.http.ApiException;

class JsonBodySplitterTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> slices(byte[] body, List<RawEvent> events) {
        return events.stream()
                .map(e -> new String(body, e.offset(), e.length(), StandardCharsets.UTF_8))
                .toList();
    }

    @Test
    void singleObjectIsOneEventWithoutSurroundingWhitespace() {
        byte[] body = utf8("  \n{\"id\" : \"a\",\n \"data\":{}}\r\n");

        List<RawEvent> events = JsonBodySplitter.split(body, 10);

        assertEquals(List.of(new RawEvent(0, 3, 24)), events);
        assertEquals(List.of("{\"id\" : \"a\",\n \"data\":{}}"), slices(body, events));
    }

    @Test
    void arrayElementsAreSlicedByteExactIncludingInnerWhitespaceAndEscapes() {
        String first = "{ \"id\":\"é-1\" , \"data\" : { \"s\" : \"\\u003cb\\u003e ] } , [\" } }";
        String second = "{\"id\":\"😀\",\"data\":[1, 2.50, -3e2, true, null, \"\\\"\"]}";
        String third = "{\"k\":\"\\ud83d\\ude00 \\\\\",\"nested\":[[{}],{\"a\":[]}]}";
        byte[] body = utf8("[\n  " + first + " ,\n\t" + second + "," + third + "  ]\n");

        List<RawEvent> events = JsonBodySplitter.split(body, 10);

        assertEquals(List.of(first, second, third), slices(body, events));
        assertEquals(List.of(0, 1, 2), events.stream().map(RawEvent::index).toList());
    }

    @Test
    void scalarElementsAreSlicedToo() {
        byte[] body = utf8("[1, -2.5e3 ,\"x\\\"y\", true,null,false, {} ,[]]");

        List<RawEvent> events = JsonBodySplitter.split(body, 10);

        assertEquals(
                List.of("1", "-2.5e3", "\"x\\\"y\"", "true", "null", "false", "{}", "[]"),
                slices(body, events));
    }

    @Test
    void emptyArrayHasNoEvents() {
        assertEquals(List.of(), JsonBodySplitter.split(utf8(" [ ] "), 10));
    }

    @Test
    void duplicateKeysAreLeftForThePerEventCheck() {
        byte[] body = utf8("[{\"id\":\"a\",\"id\":\"b\"},{\"id\":\"c\"}]");

        assertEquals(2, JsonBodySplitter.split(body, 10).size());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                "[{\"id\":\"a\"}",
                "[{\"id\":\"a\"},]",
                "[{\"id\":\"a\"} {\"id\":\"b\"}]",
                "{\"id\":\"a\"} {\"id\":\"b\"}",
                "[{\"id\":\"a\"}] x",
                "[{\"id\":\"a\"}]]",
                "{\"id\":NaN}",
                "[{\"v\":Infinity}]",
                "{'id':'a'}",
                "[1,,2]",
                "{\"id\":\"a\",}",
            })
    void brokenSyntaxFailsTheWholeBody(String body) {
        ApiException e =
                assertThrows(ApiException.class, () -> JsonBodySplitter.split(utf8(body), 10));

        assertEquals(GatewayErrorCode.INVALID_JSON, e.code());
        assertTrue(e.getMessage().startsWith("the body is not valid JSON: "), e.getMessage());
    }

    @Test
    void nestingBeyondTheLimitFailsTheWholeBody() {
        String deep = "[".repeat(1002) + "]".repeat(1002);

        ApiException e =
                assertThrows(ApiException.class, () -> JsonBodySplitter.split(utf8(deep), 10));

        assertEquals(GatewayErrorCode.INVALID_JSON, e.code());
        assertTrue(e.getMessage().contains("nesting deeper than 1000"), e.getMessage());
    }

    @Test
    void moreElementsThanTheLimitIsTooManyEvents() {
        byte[] body = utf8("[{},{},{},{}]");

        assertEquals(3, JsonBodySplitter.split(utf8("[{},{},{}]"), 3).size());
        ApiException e = assertThrows(ApiException.class, () -> JsonBodySplitter.split(body, 3));
        assertEquals(GatewayErrorCode.TOO_MANY_EVENTS, e.code());
        assertEquals("a request may carry at most 3 events", e.getMessage());
    }
}
