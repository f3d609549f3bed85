package org.livepeer.analytics.gateway.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.livepeer.analytics.event.samples.SampleFiles;
import org.livepeer.analytics.gateway.publish.OutgoingEvent;

class EventCheckerTest {

    private static final String OK =
            "{\"id\":\"e1\",\"type\":\"stream_trace\",\"timestamp\":\"1767225600000\","
                    + "\"gateway\":\"\",\"data\":{\"stream_id\":\"s-9\"}}";

    private static CheckedBatch checkNdjson(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return EventChecker.check(bytes, NdjsonSplitter.split(bytes, 100));
    }

    @Test
    void validEventKeepsItsExactBytesAndStreamKey() {
        CheckedBatch batch = checkNdjson("  " + OK + "  ");

        assertEquals(List.of(), batch.rejected());
        assertEquals(1, batch.accepted().size());
        assertEquals("s-9", batch.accepted().get(0).key());
        assertArrayEquals(OK.getBytes(StandardCharsets.UTF_8), batch.accepted().get(0).value());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"id\":\"e2\",\"type\":\"t\",\"timestamp\":1767225600000,\"data\":{}}",
                "{\"id\":\"e2\",\"type\":\"t\",\"timestamp\":1767225600000,\"data\":[{\"stream_id\":\"x\"}]}",
                "{\"id\":\"e2\",\"type\":\"t\",\"timestamp\":1767225600000,\"data\":{\"stream_id\":7}}",
                "{\"id\":\"e2\",\"type\":\"t\",\"timestamp\":1767225600000,\"data\":{\"stream_id\":\"\"}}",
            })
    void eventsWithoutAStringStreamIdAreKeyedById(String event) {
        CheckedBatch batch = checkNdjson(event);

        assertEquals(1, batch.accepted().size(), batch.rejected()::toString);
        assertEquals("e2", batch.accepted().get(0).key());
    }

    @Test
    void eachBrokenRuleIsRejectedAtItsIndexWithItsCode() {
        String body =
                String.join(
                        "\n",
                        OK,
                        "[1,2]",
                        "{\"type\":\"t\",\"timestamp\":1767225600000,\"data\":{}}",
                        "{\"id\":\"e3\",\"type\":5,\"timestamp\":1767225600000,\"data\":{}}",
                        "{\"id\":\"e4\",\"type\":\"t\",\"timestamp\":\"12.5\",\"data\":{}}",
                        "{\"id\":\"e5\",\"type\":\"t\",\"timestamp\":1767225600000}",
                        "{\"id\":\"e6\",\"id\":\"e7\",\"type\":\"t\",\"timestamp\":1767225600000,\"data\":{}}",
                        "{\"id\":\"e8\",",
                        "{\"id\":\"e9\",\"type\":\"t\",\"timestamp\":1767225600000,\"gateway\":1,\"data\":{}}",
                        "{\"id\":\"e10\",\"type\":\"t\",\"timestamp\":1000,\"data\":{}}");

        CheckedBatch batch = checkNdjson(body);

        assertEquals(1, batch.accepted().size());
        assertEquals(
                List.of(
                        "1 null not_an_object",
                        "2 null missing_field:id",
                        "3 e3 wrong_type:type",
                        "4 e4 invalid_timestamp",
                        "5 e5 missing_field:data",
                        "6 null invalid_json",
                        "7 null invalid_json",
                        "8 e9 wrong_type:gateway",
                        "9 e10 invalid_timestamp"),
                batch.rejected().stream()
                        .map(r -> r.index() + " " + r.id() + " " + r.error())
                        .toList());
        assertTrue(batch.rejected().stream().noneMatch(r -> r.message().isBlank()));
        assertEquals(new IngestResult(1, batch.rejected()), batch.result());
    }

    @Test
    void invalidUtf8IsRejectedAsInvalidJson() {
        byte[] good = OK.getBytes(StandardCharsets.UTF_8);
        byte[] bad = "{\"id\":\"x\u00ff\"}".getBytes(StandardCharsets.ISO_8859_1);
        byte[] body = new byte[good.length + 1 + bad.length];
        System.arraycopy(good, 0, body, 0, good.length);
        body[good.length] = '\n';
        System.arraycopy(bad, 0, body, good.length + 1, bad.length);

        CheckedBatch batch = EventChecker.check(body, NdjsonSplitter.split(body, 10));

        assertEquals(1, batch.accepted().size());
        assertEquals(1, batch.rejected().size());
        assertEquals("invalid_json", batch.rejected().get(0).error());
        assertTrue(
                batch.rejected().get(0).message().contains("UTF-8"),
                batch.rejected().get(0)::message);
    }

    @Test
    void everySampleEventIsAcceptedByteForByte() throws IOException {
        int total = 0;
        for (String file : SampleFiles.FILES) {
            byte[] body = SampleFiles.read(file);
            CheckedBatch batch = EventChecker.check(body, NdjsonSplitter.split(body, 10_000));
            assertEquals(List.of(), batch.rejected(), file);
            List<RawEvent> raw = NdjsonSplitter.split(body, 10_000);
            for (int i = 0; i < raw.size(); i++) {
                OutgoingEvent out = batch.accepted().get(i);
                byte[] expected = new byte[raw.get(i).length()];
                System.arraycopy(body, raw.get(i).offset(), expected, 0, expected.length);
                assertArrayEquals(expected, out.value(), file + " line " + i);
            }
            total += batch.accepted().size();
        }
        assertEquals(SampleFiles.COUNT, total);
    }
}
