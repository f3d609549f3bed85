package org.livepeer.analytics.processor.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.livepeer.analytics.processor.route.TestEvents.errorMessage;
import static org.livepeer.analytics.processor.route.TestEvents.errorType;
import static org.livepeer.analytics.processor.route.TestEvents.first;
import static org.livepeer.analytics.processor.route.TestEvents.route;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.livepeer.analytics.processor.row.DeadLetterCode;
import org.livepeer.analytics.processor.source.GatewayRejection;

/**
 * The DLQ's {@code error_type} is a closed set (docs/processor.md, "Dead letters"): producers who
 * vary a key, a type name, an array position or a gateway header get no new values, only new
 * messages.
 */
class ErrorTypeCardinalityTest {

    private static final int EVENTS = 1_000;

    /** The documented list, as {@link DeadLetterCode} spells it. */
    private static final Set<String> DOCUMENTED =
            Arrays.stream(DeadLetterCode.values())
                    .map(DeadLetterCode::code)
                    .collect(Collectors.toUnmodifiableSet());

    @Test
    void theCodesAreTheDocumentedList() {
        assertEquals(
                Set.of(
                        "invalid_json",
                        "invalid_encoding",
                        "invalid_payload",
                        "unknown_event_type",
                        "missing_field",
                        "invalid_value",
                        "sink_rejected"),
                DOCUMENTED);
    }

    @Test
    void distinctUnknownTypesShareOneErrorType() {
        Map<String, Integer> types =
                count(
                        i -> {
                            ObjectNode e = first("stream_trace");
                            e.put("type", "made_up_type_" + i);
                            return e;
                        },
                        "made_up_type_");
        assertEquals(Map.of("unknown_event_type", EVENTS), types);
    }

    @Test
    void distinctBadMapKeysShareOneErrorType() {
        Map<String, Integer> types =
                count(
                        i -> {
                            ObjectNode e = first("network_capabilities");
                            ((ObjectNode) e.at("/data/0/capabilities/capacities"))
                                    .put("key-" + i, 1);
                            return e;
                        },
                        "key-");
        assertEquals(Map.of("invalid_value", EVENTS), types);
    }

    @Test
    void distinctMissingFieldsAtDistinctPositionsShareOneErrorType() {
        Map<String, Integer> types =
                count(
                        i -> {
                            ObjectNode e = first("discovery_results");
                            ArrayNode data = (ArrayNode) e.get("data");
                            ObjectNode template = (ObjectNode) data.get(0);
                            for (int k = 0; k < i % 200; k++) {
                                data.add(template.deepCopy());
                            }
                            ObjectNode last = (ObjectNode) data.get(data.size() - 1);
                            if (i % 2 == 0) {
                                last.remove("latency_ms");
                            } else {
                                last.put("latency_ms", "not-a-number-" + i);
                            }
                            return e;
                        },
                        "latency_ms");
        assertEquals(Map.of("missing_field", EVENTS / 2, "invalid_value", EVENTS / 2), types);
    }

    @Test
    void distinctEnvelopeMistakesShareAFewErrorTypes() {
        Map<String, Integer> types =
                count(
                        i -> {
                            ObjectNode e = first("stream_trace");
                            switch (i % 4) {
                                case 0 -> e.remove("id");
                                case 1 -> e.put("type", i);
                                case 2 -> e.put("timestamp", "t" + i);
                                default -> e.putArray("gateway").add(i);
                            }
                            return e;
                        },
                        "");
        assertEquals(Map.of("missing_field", EVENTS / 4, "invalid_value", 3 * EVENTS / 4), types);
    }

    @Test
    void distinctGatewayHeadersShareTheGatewaysFewErrorTypes() {
        Map<String, Integer> types = new TreeMap<>();
        for (int i = 0; i < EVENTS; i++) {
            GatewayRejection r = new GatewayRejection();
            r.value = "{}".getBytes(StandardCharsets.UTF_8);
            r.topic = "streaming-events-dlq";
            r.errorType = i % 2 == 0 ? "made_up_code_" + i : "missing_field:field_" + i;
            r.errorMessage = "m" + i;
            String json = GatewayDeadLetters.row(r, TestEvents.NOW).json;
            String type = TestEvents.tree(json).get("error_type").asText();
            assertTrue(DOCUMENTED.contains(type), type);
            types.merge(type, 1, Integer::sum);
            if (i % 2 == 0) {
                String message = TestEvents.tree(json).get("error_message").asText();
                assertTrue(message.contains("made_up_code_" + i), message);
            }
        }
        assertEquals(Map.of("invalid_payload", EVENTS / 2, "missing_field", EVENTS / 2), types);
    }

    /**
     * Routes {@value #EVENTS} events made by {@code event}; each must be a dead letter whose type
     * is documented and whose message carries the varying detail ({@code detail} plus the index).
     */
    private static Map<String, Integer> count(IntFunction<ObjectNode> event, String detail) {
        Map<String, Integer> types = new TreeMap<>();
        for (int i = 0; i < EVENTS; i++) {
            Routed routed = route(event.apply(i));
            String type = errorType(routed);
            assertTrue(type != null && DOCUMENTED.contains(type), "event " + i + ": " + type);
            assertTrue(errorMessage(routed).contains(detail), errorMessage(routed));
            types.merge(type, 1, Integer::sum);
        }
        return types;
    }
}
