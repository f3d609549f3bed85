package org.livepeer.analytics.event.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.livepeer.analytics.event.rows.AiStreamEventRow;
import org.livepeer.analytics.event.rows.AiStreamStatusRow;
import org.livepeer.analytics.event.rows.PaymentEventRow;
import org.livepeer.analytics.event.rows.StreamIngestMetricsRow;
import org.livepeer.analytics.event.rows.TrackStats;
import org.livepeer.analytics.event.rows.TypedRow;

/**
 * Valid shapes the samples do not contain (ETH face values, negative packet loss, non-zero RTT,
 * runner-forwarded events), derived from a real sample by changing one value.
 */
class DerivedEventsTest {

    private static final String PAYMENT = "9c838785-dc30-4725-9769-34cc47792393";
    private static final String INGEST = "5dd0cf64-52fd-4067-86d7-a0d19508952b";
    private static final String STATUS = "f0f0e510-9cda-4879-8546-6adbc080fb6e";
    private static final String STREAM_EVENT = "e96b2a9c-f405-465c-918e-6b8b193d0dc9";

    @ParameterizedTest(name = "{0} -> {1} wei")
    @CsvSource({
        "2402400000000000 WEI, 2402400000000000",
        "0 WEI, 0",
        "0.0125 ETH, 12500000000000000",
        "1 ETH, 1000000000000000000",
        "0.000000000000000001 ETH, 1",
        "18.446744073709551615 ETH, 18446744073709551615",
        "18446744073709551615 WEI, 18446744073709551615"
    })
    void faceValueIsExactWeiFromBothForms(String text, String wei) {
        ObjectNode event = Mutation.set(SampleEvents.byId(PAYMENT), "/data/faceValue", q(text));
        PaymentEventRow row = (PaymentEventRow) single(event);
        assertEquals(new BigInteger(wei), row.faceValueWei());
    }

    @Test
    void negativePacketsLostAndRttInNanosecondsAreNormalised() {
        ObjectNode event = SampleEvents.byId(INGEST);
        Mutation.set(event, "/data/stats/track_stats/0/packets_lost", "-3");
        Mutation.set(event, "/data/stats/track_stats/0/packet_loss_pct", "-0.72");
        Mutation.set(event, "/data/stats/track_stats/0/rtt", "45500000");
        Mutation.set(
                event, "/data/stats/track_stats/0/warnings", "[\"jitter greater than 50 ms\"]");
        StreamIngestMetricsRow row = (StreamIngestMetricsRow) single(event);
        assertEquals(
                new TrackStats(
                        10.126770701625134,
                        413L,
                        -3L,
                        -0.72,
                        45.5,
                        4.892,
                        0.0,
                        0.0,
                        List.of("jitter greater than 50 ms")),
                row.video());
        assertEquals(
                new TrackStats(20.29064497237114, 248L, 0L, 0.0, 0.0, 4.8601, 0.0, 0.0, List.of()),
                row.audio());
        assertEquals("good", row.connQuality());
        assertEquals(477890L, row.bytesReceived());
        assertEquals(4013L, row.bytesSent());
        assertEquals("iceTransport", row.peerConnId());
        assertEquals(1767908950608L, row.dataTsMs());
    }

    @Test
    void ingestWithoutTracksHasAbsentTracks() {
        ObjectNode event = Mutation.set(SampleEvents.byId(INGEST), "/data/stats/track_stats", null);
        StreamIngestMetricsRow row = (StreamIngestMetricsRow) single(event);
        assertEquals(TrackStats.ABSENT, row.video());
        assertEquals(TrackStats.ABSENT, row.audio());
    }

    @Test
    void statusWithFloatSecondsLastStatusTimestampIsConvertedToMs() {
        ObjectNode event =
                Mutation.set(
                        SampleEvents.byId(STATUS),
                        "/data/last_status_timestamp",
                        "1767908945.6074");
        assertEquals(1767908945607L, ((AiStreamStatusRow) single(event)).lastStatusTsMs());
    }

    @Test
    void statusWithoutOrchestratorInfoHasNullOrchestrator() {
        ObjectNode event = Mutation.set(SampleEvents.byId(STATUS), "/data/orchestrator_info", null);
        AiStreamStatusRow row = (AiStreamStatusRow) single(event);
        assertNull(row.orchestratorAddress());
        assertNull(row.orchestratorUrl());
    }

    @Test
    void runnerForwardedEventWithoutPipelineIsValidAndKeepsExtraMembers() {
        ObjectNode event = SampleEvents.byId(STREAM_EVENT);
        Mutation.set(event, "/data/pipeline", null);
        Mutation.set(event, "/data/capability", null);
        Mutation.set(event, "/data/message", null);
        Mutation.set(event, "/data/type", q("runner_loaded"));
        Mutation.set(event, "/data/timestamp", "1768483063890");
        Mutation.set(event, "/data/orchestrator_info", "{\"address\":\"0xABC\",\"url\":\"u\"}");
        Mutation.set(event, "/data/load_ms", "{\"model\":1200}");
        assertEquals(
                new AiStreamEventRow(
                        "stream-z24wz2-mkfh5j30",
                        "499ae98f",
                        "",
                        "runner_loaded",
                        null,
                        null,
                        null,
                        null,
                        "0xabc",
                        "u",
                        1768483063890L,
                        "{\"load_ms\":{\"model\":1200}}"),
                single(event));
    }

    @Test
    void paramsUpdateKeepsParamsAsJson() {
        ObjectNode event = SampleEvents.byId(STREAM_EVENT);
        Mutation.set(event, "/data/type", q("params_update"));
        Mutation.set(event, "/data/params", "{\"prompt\":\"a \\\"cat\\\"\",\"seed\":42}");
        assertEquals(
                "{\"prompt\":\"a \\\"cat\\\"\",\"seed\":42}",
                ((AiStreamEventRow) single(event)).paramsJson());
    }

    private static TypedRow single(ObjectNode event) {
        List<TypedRow> rows = SampleEvents.rowsOf(event);
        assertEquals(1, rows.size());
        return rows.get(0);
    }

    private static String q(String s) {
        return "\"" + s + "\"";
    }
}
