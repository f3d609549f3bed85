package org.livepeer.analytics.bench.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventMixTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TRACE =
            "{\"id\":\"b7324ec5\",\"type\":\"stream_trace\",\"timestamp\":\"1767908947583\","
                    + "\"gateway\":\"\",\"data\":{\"stream_id\":\"s\",\"timestamp\":1767908947583}}";
    private static final String CAPS =
            "{\"id\":\"e89d\",\"type\":\"network_capabilities\",\"timestamp\":1767909021590,"
                    + "\"gateway\":\"\",\"data\":[]}";

    @Test
    void idAndEnvelopeTimestampAreReplacedTheRestIsKept() throws Exception {
        StringBuilder out = new StringBuilder();
        EventMix.template(TRACE).append(out, "run1-e7", 1_800_000_000_000L);

        JsonNode event = JSON.readTree(out.toString());
        assertEquals("run1-e7", event.get("id").asText());
        assertEquals("1800000000000", event.get("timestamp").textValue());
        assertEquals(1767908947583L, event.get("data").get("timestamp").asLong());
        assertEquals("stream_trace", event.get("type").asText());
    }

    @Test
    void aNumericTimestampBecomesTheStringGoSends() throws Exception {
        StringBuilder out = new StringBuilder();
        EventMix.template(CAPS).append(out, "x", 5);

        assertEquals("5", JSON.readTree(out.toString()).get("timestamp").textValue());
    }

    @Test
    void batchIsAJsonArrayOfUniqueIds() throws Exception {
        EventMix mix = EventMix.of(List.of(TRACE, CAPS), 0.25);

        JsonNode batch = JSON.readTree(mix.batch("p-e", 100, 8, 1));

        assertEquals(8, batch.size());
        for (int i = 0; i < 8; i++) {
            assertEquals("p-e" + (100 + i), batch.get(i).get("id").asText());
        }
    }

    @Test
    void capabilitiesTakeTheirShareSpreadEvenly() {
        EventMix mix = EventMix.of(List.of(TRACE, CAPS), 0.002);

        assertEquals(500, mix.size());
        long caps = 0;
        for (int i = 0; i < mix.size(); i++) {
            if (mix.at(i).type().equals("network_capabilities")) {
                caps++;
                assertEquals(499, i);
            }
        }
        assertEquals(1, caps);
    }

    @Test
    void refusesSamplesWithoutEnvelope() {
        assertThrows(IllegalArgumentException.class, () -> EventMix.template("{\"data\":{}}"));
        assertThrows(IllegalArgumentException.class, () -> EventMix.of(List.of(CAPS), 0.1));
    }

    @Test
    void everyMalformedKindCarriesItsIdInItsText() {
        for (int n = 0; n < 8; n++) {
            assertTrue(Malformed.record("r-bad-", n, 1).contains("r-bad-" + n));
        }
    }

    @Test
    void answersAreReadFromStatusLineAndBody() {
        HttpWire.Answer a =
                HttpWire.parseAnswer(
                        "HTTP/1.1 202 Accepted", "{\"accepted\": 100,\"rejected\":[]}");

        assertEquals(202, a.status());
        assertEquals(100, a.accepted());
        assertEquals(0, HttpWire.parseAnswer("HTTP/1.1 503 Busy", "{}").accepted());
    }

    @Test
    void resultLineRoundTrips() {
        LoadResult r = new LoadResult(10, 9, 900, 1, 1.5, 20.25, 30, 1234, 7, 88.5);

        assertEquals(r, LoadResult.fromWire(r.wire()));
    }
}
