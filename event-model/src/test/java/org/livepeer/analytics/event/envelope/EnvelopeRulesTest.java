package org.livepeer.analytics.event.envelope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.livepeer.analytics.event.json.InvalidJsonException;
import org.livepeer.analytics.event.json.StrictJson;

/** One test per envelope rule of docs/events.md §1.2, through StrictJson and EnvelopeValidator. */
class EnvelopeRulesTest {

    private static final String DATA = "\"data\":{\"stream_id\":\"s\"}";

    // --- strict JSON ---

    @Test
    void trailingTokensAreAnError() {
        InvalidJsonException e =
                assertThrows(
                        InvalidJsonException.class,
                        () -> StrictJson.parse(bytes(event("\"1767908955607\"") + " {\"b\":2}")));
        assertFalse(e.encodingError());
    }

    @Test
    void trailingGarbageAfterAnObjectIsAnError() {
        assertThrows(InvalidJsonException.class, () -> StrictJson.parse(bytes("{} x")));
    }

    @Test
    void duplicateKeysAreAnError() {
        InvalidJsonException e =
                assertThrows(
                        InvalidJsonException.class,
                        () ->
                                StrictJson.parse(
                                        bytes("{\"id\":\"a\",\"id\":\"b\",\"type\":\"t\"}")));
        assertFalse(e.encodingError());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"a\":{\"b\":1,\"b\":2}}                       | b", // nested object
                "{\"a\":[{\"x\":1},{\"y\":1,\"z\":2,\"y\":3}]}   | y", // in an array element
                "[[{\"k\":null,\"k\":null}]]                    | k", // null values
                "{\"a\":1,\"b\":2,\"c\":3,\"d\":4,\"a\":{}}      | a" // after several names
            })
    void duplicateKeysAtAnyDepthAreAnError(String json, String key) {
        InvalidJsonException e =
                assertThrows(InvalidJsonException.class, () -> StrictJson.parse(bytes(json)));
        assertFalse(e.encodingError());
        assertEquals("Duplicate field '" + key + "'", e.getMessage());
    }

    @Test
    void nanIsAnError() {
        assertThrows(InvalidJsonException.class, () -> StrictJson.parse(bytes("{\"x\":NaN}")));
        assertThrows(InvalidJsonException.class, () -> StrictJson.parse(bytes("{\"x\":Infinity}")));
    }

    @Test
    void nestingOf1000LevelsIsAccepted() throws InvalidJsonException {
        JsonNode node = StrictJson.parse(bytes(nested(StrictJson.MAX_DEPTH)));
        assertTrue(node.isArray());
    }

    @Test
    void nestingOf1001LevelsIsAnError() {
        InvalidJsonException e =
                assertThrows(
                        InvalidJsonException.class,
                        () -> StrictJson.parse(bytes(nested(StrictJson.MAX_DEPTH + 1))));
        assertFalse(e.encodingError());
    }

    @Test
    void invalidUtf8IsAnEncodingError() {
        byte[] prefix = "{\"id\":\"".getBytes(StandardCharsets.US_ASCII);
        byte[] bad = new byte[prefix.length + 3];
        System.arraycopy(prefix, 0, bad, 0, prefix.length);
        bad[prefix.length] = (byte) 0xC3; // lead byte without its continuation byte
        bad[prefix.length + 1] = '"';
        bad[prefix.length + 2] = '}';
        InvalidJsonException e =
                assertThrows(InvalidJsonException.class, () -> StrictJson.parse(bad));
        assertTrue(e.encodingError(), e.getMessage());
    }

    @Test
    void emptyInputIsAnError() {
        assertThrows(InvalidJsonException.class, () -> StrictJson.parse(new byte[0]));
    }

    @ParameterizedTest
    @ValueSource(strings = {" ", "\n", " \t\r\n "})
    void blankInputHasNoJsonValue(String blank) {
        InvalidJsonException e =
                assertThrows(
                        InvalidJsonException.class,
                        () -> StrictJson.parse(blank.getBytes(StandardCharsets.UTF_8)));
        assertEquals("no JSON value", e.getMessage());
    }

    @Test
    void aLiteralNullIsAValueNotAnError() throws InvalidJsonException {
        assertTrue(StrictJson.parse(" null ".getBytes(StandardCharsets.UTF_8)).isNull());
    }

    // --- envelope fields ---

    @ParameterizedTest
    @ValueSource(strings = {"[1]", "\"event\"", "42", "null"})
    void anEnvelopeMustBeAnObject(String json) {
        assertEquals(EnvelopeError.NOT_AN_OBJECT, errorOf(json));
    }

    @Test
    void idMissingIsMissingField() {
        assertEquals(
                "missing_field:id", errorOf(event("1767908955607").replace("\"id\":\"e1\",", "")));
    }

    @Test
    void idEmptyIsMissingField() {
        assertEquals("missing_field:id", errorOf(event("1767908955607").replace("\"e1\"", "\"\"")));
    }

    @Test
    void idNotAStringIsWrongType() {
        assertEquals("wrong_type:id", errorOf(event("1767908955607").replace("\"e1\"", "7")));
    }

    @Test
    void typeMissingIsMissingField() {
        assertEquals(
                "missing_field:type",
                errorOf(event("1767908955607").replace("\"type\":\"stream_trace\",", "")));
    }

    @Test
    void typeEmptyIsMissingField() {
        assertEquals(
                "missing_field:type",
                errorOf(event("1767908955607").replace("\"stream_trace\"", "\"\"")));
    }

    @Test
    void typeNotAStringIsWrongType() {
        assertEquals(
                "wrong_type:type",
                errorOf(event("1767908955607").replace("\"stream_trace\"", "[]")));
    }

    @Test
    void gatewayNotAStringIsWrongType() {
        assertEquals("wrong_type:gateway", errorOf(event("1767908955607").replace("\"gw\"", "{}")));
    }

    @Test
    void gatewayAbsentBecomesEmpty() {
        Envelope e = valid(event("1767908955607").replace("\"gateway\":\"gw\",", ""));
        assertEquals("", e.gateway());
    }

    @Test
    void dataMissingIsMissingField() {
        assertEquals("missing_field:data", errorOf(event("1767908955607").replace("," + DATA, "")));
    }

    @Test
    void dataNullIsMissingField() {
        assertEquals(
                "missing_field:data",
                errorOf(event("1767908955607").replace(DATA, "\"data\":null")));
    }

    @Test
    void timestampMissingIsMissingField() {
        assertEquals(
                "missing_field:timestamp", errorOf(event("1").replace("\"timestamp\":1,", "")));
    }

    // --- timestamp ---

    @Test
    void timestampAsNumberIsAccepted() {
        Envelope e = valid(event("1767908955607"));
        assertEquals(1767908955607L, e.timestampMs());
        assertEquals("e1", e.id());
        assertEquals("stream_trace", e.type());
        assertEquals("gw", e.gateway());
        assertEquals("s", e.data().get("stream_id").asText());
    }

    @Test
    void timestampAsDigitStringIsAccepted() {
        assertEquals(1767908955607L, valid(event("\"1767908955607\"")).timestampMs());
    }

    @Test
    void timestampRangeEndsAreInclusiveThenExclusive() {
        assertEquals(1577836800000L, valid(event("1577836800000")).timestampMs());
        assertEquals(4102444799999L, valid(event("\"4102444799999\"")).timestampMs());
    }

    @ParameterizedTest(name = "timestamp {0}")
    @ValueSource(
            strings = {
                "1767908955607.5", // fractional
                "\"1767908955607.5\"", // fractional string
                "1.767908955607E12", // exponent form
                "-1767908955607", // negative
                "\"-1767908955607\"", // negative string
                "1767908955", // seconds, too small
                "1577836799999", // just before 2020
                "4102444800000", // 2100-01-01, beyond the range
                "\"99999999999999999999\"", // beyond long
                "\"17679x8955607\"", // not digits
                "\"9999999999999999999\"", // 19 digits, beyond long
                "\" 1767908955607\"", // leading space
                "\"\u0661\u0667\u0666\u0667\u0669\u0660\u0668\u0669\u0665\u0665\u0666\u0660\u0667\"", // non-ASCII digits
                "\"\"", // empty string
                "true", // boolean
                "{}" // object
            })
    void invalidTimestamps(String timestamp) {
        assertEquals(EnvelopeError.INVALID_TIMESTAMP, errorOf(event(timestamp)));
    }

    private static String event(String timestamp) {
        return "{\"id\":\"e1\",\"type\":\"stream_trace\",\"timestamp\":"
                + timestamp
                + ",\"gateway\":\"gw\","
                + DATA
                + "}";
    }

    private static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String errorOf(String json) {
        EnvelopeCheck check = EnvelopeValidator.validate(parse(json));
        return assertInstanceOf(EnvelopeCheck.Invalid.class, check, check::toString).error().code();
    }

    private static Envelope valid(String json) {
        EnvelopeCheck check = EnvelopeValidator.validate(parse(json));
        return assertInstanceOf(EnvelopeCheck.Valid.class, check, check::toString).envelope();
    }

    private static JsonNode parse(String json) {
        try {
            return StrictJson.parse(bytes(json));
        } catch (InvalidJsonException e) {
            throw new AssertionError("test input must be valid JSON: " + json, e);
        }
    }
}
