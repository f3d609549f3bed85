package org.livepeer.analytics.event.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.livepeer.analytics.event.parse.SampleEvents.Sample;
import org.livepeer.analytics.event.rows.AiStreamEventRow;
import org.livepeer.analytics.event.rows.AiStreamStatusRow;
import org.livepeer.analytics.event.rows.DiscoveryResultRow;
import org.livepeer.analytics.event.rows.NetworkCapabilityCapacityRow;
import org.livepeer.analytics.event.rows.NetworkCapabilityHardwareRow;
import org.livepeer.analytics.event.rows.NetworkCapabilityModelRow;
import org.livepeer.analytics.event.rows.NetworkCapabilityPriceRow;
import org.livepeer.analytics.event.rows.NetworkCapabilityRow;
import org.livepeer.analytics.event.rows.PaymentEventRow;
import org.livepeer.analytics.event.rows.StreamTraceEventRow;
import org.livepeer.analytics.event.rows.TypedRow;

/** Every real sample is a valid envelope and parses to typed rows with the expected values. */
class SamplesParseTest {

    static List<Sample> samples() {
        return SampleEvents.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everySampleParsesToRows(Sample sample) {
        List<TypedRow> rows = SampleEvents.rowsOf(SampleEvents.parse(sample.bytes()));
        assertFalse(rows.isEmpty(), sample.toString());
    }

    @Test
    void samplesCoverEveryTypeAndAreAllCounted() {
        List<Sample> all = samples();
        assertEquals(62, all.size(), "sample lines");
        Map<String, Long> byType =
                all.stream()
                        .collect(
                                Collectors.groupingBy(
                                        s -> SampleEvents.parse(s.bytes()).get("type").asText(),
                                        TreeMap::new,
                                        Collectors.counting()));
        assertEquals(EventParsers.supportedTypes(), byType.keySet());
        Set<String> ids = new HashSet<>();
        all.forEach(s -> ids.add(SampleEvents.parse(s.bytes()).get("id").asText()));
        assertEquals(all.size(), ids.size(), "sample ids are unique");
    }

    @Test
    void statusSampleGivesTheWholeRow() {
        List<TypedRow> rows =
                SampleEvents.rowsOf(SampleEvents.byId("f0f0e510-9cda-4879-8546-6adbc080fb6e"));
        assertEquals(
                List.of(
                        new AiStreamStatusRow(
                                "stream-o5s73x-mk5zc8fy",
                                "db936fab",
                                "",
                                "streamdiffusion-sdxl-faceid",
                                "0x52cf2968b3dc6016778742d3539449a6597d5954",
                                "https://rtav-orch2.xodeapp.xyz:28935",
                                "ONLINE",
                                1767908955609L,
                                1767908945607L,
                                1767908953470L,
                                1767908945607L,
                                20.484865861692217,
                                1767908955516L,
                                17.298215447072742,
                                1767908955534L,
                                "{\"height\":512,\"width\":512}",
                                "f2f41bce75e30de92f8c308a6722859b",
                                1767908945607L,
                                null,
                                null,
                                List.of(),
                                null,
                                0L)),
                rows);
    }

    @Test
    void orchestratorSwapTraceKeepsMessageAndPipelineWithoutDataTimestamp() {
        List<TypedRow> rows =
                SampleEvents.rowsOf(SampleEvents.byId("4f976e77-5e4d-4659-aa64-547ad3865884"));
        assertEquals(
                List.of(
                        new StreamTraceEventRow(
                                "aiJobTesterStream-1771959055426612735",
                                "03284a2a",
                                "",
                                "orchestrator_swap",
                                null,
                                "0x5fd25374e1e87d6728ec8601c512dfabab375ab5",
                                "https://server.ai-bitbender.xyz:1112",
                                "streamdiffusion-sdxl-v2v",
                                "orchestrator is slow")),
                rows);
    }

    @Test
    void streamErrorEventKeepsTheUnescapedMessage() {
        List<TypedRow> rows =
                SampleEvents.rowsOf(SampleEvents.byId("34a1fcbb-4c6d-416e-b947-338e0ec151a4"));
        assertEquals(
                List.of(
                        new AiStreamEventRow(
                                "aiJobTesterStream-1771959055426612735",
                                "03284a2a",
                                "",
                                "error",
                                "streamdiffusion-sdxl-v2v",
                                "",
                                "Error publishing, wrote 1395900 dropping Post"
                                        + " \"https://server.ai-bitbender.xyz:1112/ai/trickle/962e2668/9\":"
                                        + " read tcp 172.20.0.5:53362->217.155.59.172:1112: read:"
                                        + " connection reset by peer",
                                null,
                                null,
                                null,
                                null,
                                null)),
                rows);
    }

    @Test
    void discoveryLatencyBecomesANumberWithPosition() {
        List<TypedRow> rows =
                SampleEvents.rowsOf(SampleEvents.byId("070293f5-89a5-4381-be9e-a27680b0f7f8"));
        assertEquals(
                List.of(
                        new DiscoveryResultRow(
                                0,
                                "0xcdf93b13efcf63f84f2affb01bec48a5c096c69e",
                                "https://rtv.nullworks.xyz:9924",
                                215),
                        new DiscoveryResultRow(
                                1,
                                "0xedd45674825cd5a27c4c645014f37b9e402fdcbe",
                                "https://ai.nightnode.net:8888",
                                251)),
                rows);
    }

    @Test
    void paymentInWeiIsExactAndAddressesAreLowerCase() {
        List<TypedRow> rows =
                SampleEvents.rowsOf(SampleEvents.byId("9c838785-dc30-4725-9769-34cc47792393"));
        assertEquals(
                List.of(
                        new PaymentEventRow(
                                "01b55632",
                                "35_streamdiffusion-sdxl-faceid",
                                "db936fab",
                                "0x5ae4e42db3671370a0c25aff451e7482aaec3d0b",
                                "0xd00354656922168815fcd1e51cbddb9e359e3c7f",
                                "https://rtav-orch2.xodeapp.xyz:28935",
                                new BigInteger("2402400000000000"),
                                1635.021,
                                0.000999001,
                                2,
                                "",
                                "")),
                rows);
    }

    @Test
    void capabilitiesElementGivesItsOrchestratorRowFirst() {
        List<TypedRow> rows =
                SampleEvents.rowsOf(SampleEvents.byId("e89def1c-7a3c-40aa-a51a-ad490a305112"));
        String addr = "0xd00354656922168815fcd1e51cbddb9e359e3c7f";
        String uri = "https://rtav-orch2.xodeapp.xyz:28935";
        assertEquals(
                new NetworkCapabilityRow(
                        0,
                        addr,
                        "0x52cf2968b3dc6016778742d3539449a6597d5954",
                        uri,
                        "0.8.8-3a5678ec-dirty",
                        null,
                        List.of(new BigInteger("34426871807")),
                        List.of(),
                        null,
                        null,
                        null),
                rows.get(0));
        List<NetworkCapabilityCapacityRow> capacities =
                only(rows, NetworkCapabilityCapacityRow.class);
        assertEquals(16, capacities.size());
        assertEquals(new NetworkCapabilityCapacityRow(0, addr, uri, 35, 1), capacities.get(15));
        assertEquals(
                List.of(
                        new NetworkCapabilityModelRow(
                                0,
                                addr,
                                uri,
                                35,
                                "streamdiffusion-sdxl-faceid",
                                true,
                                0,
                                1,
                                "0.14.0")),
                only(rows, NetworkCapabilityModelRow.class));
        assertEquals(
                List.of(
                        new NetworkCapabilityPriceRow(
                                0, 0, addr, uri, 35, "streamdiffusion-sdxl-faceid", 1618, 1)),
                only(rows, NetworkCapabilityPriceRow.class));
        // RTX 5090: compute capability 12.0, so minor is omitted on the wire and 0 here.
        assertEquals(
                List.of(
                        new NetworkCapabilityHardwareRow(
                                0,
                                0,
                                0,
                                addr,
                                uri,
                                "live-video-to-video",
                                "streamdiffusion-sdxl-faceid",
                                "0",
                                "GPU-a8d13655-197b-2226-d09f-b4b81e07504b",
                                "NVIDIA GeForce RTX 5090",
                                12L,
                                0L,
                                33595981824L,
                                34190917632L)),
                only(rows, NetworkCapabilityHardwareRow.class));
    }

    @Test
    void capabilitiesKeepLargePricesAndHardwareWithoutGpus() {
        List<TypedRow> rows =
                SampleEvents.rowsOf(SampleEvents.byId("c9a6208d-7703-4756-8302-8e0f66db4a71"));
        List<NetworkCapabilityRow> orchestrators = only(rows, NetworkCapabilityRow.class);
        assertEquals(40, orchestrators.size());
        NetworkCapabilityRow sixth = orchestrators.get(6);
        assertEquals("0x2e3a21ae7cdeb48f57fcad1ce16b258d5502ac05", sixth.orchestratorAddress());
        assertEquals(100_000_000_000_000L, sixth.pricePerUnit());
        assertEquals(1L, sixth.pixelsPerUnit());
        // Element 37: two GPU-backed entries, then three LLM entries without gpu_info.
        List<NetworkCapabilityHardwareRow> hardware =
                only(rows, NetworkCapabilityHardwareRow.class).stream()
                        .filter(h -> h.position() == 37)
                        .toList();
        assertEquals(
                List.of("RTX 3090", "RTX 4070 Ti SUPER", "-", "-", "-"),
                hardware.stream()
                        .map(h -> h.gpuName() == null ? "-" : h.gpuName().substring(15))
                        .toList());
        assertEquals(
                List.of(0, 1, 2, 3, 4),
                hardware.stream().map(NetworkCapabilityHardwareRow::hardwarePosition).toList());
        assertEquals(
                new NetworkCapabilityHardwareRow(
                        37,
                        2,
                        0,
                        "0xd4c467d8c13752ab7bb9711bc77de2a9f52a65f6",
                        "https://2.9.173.59:8936",
                        "llm",
                        "llama3.2-vision",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null),
                hardware.get(2));
        for (int i = 0; i < orchestrators.size(); i++) {
            assertEquals(i, orchestrators.get(i).position());
        }
    }

    @Test
    void snapshotWhoseOrchestratorsLackHardwareIsValid() {
        List<TypedRow> rows =
                SampleEvents.rowsOf(SampleEvents.byId("a0b048eb-cb94-4639-8f9f-f283a22a154d"));
        assertEquals(13, only(rows, NetworkCapabilityRow.class).size());
        assertTrue(rows.size() > 13);
    }

    static <T> List<T> only(List<TypedRow> rows, Class<T> type) {
        return rows.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
