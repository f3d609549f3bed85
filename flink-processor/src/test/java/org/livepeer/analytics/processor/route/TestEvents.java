package org.livepeer.analytics.processor.route;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.livepeer.analytics.event.samples.SampleFiles;
import org.livepeer.analytics.processor.row.SinkRow;
import org.livepeer.analytics.processor.source.KafkaEvent;

/**
 * Real sample events ({@link SampleFiles}), mutations of them, and routing through {@link
 * EventRouter} as the job does.
 */
final class TestEvents {

    static final ObjectMapper JSON = new ObjectMapper();
    static final long NOW = 1_767_909_000_000L;

    private TestEvents() {}

    /** Every sample line of {@code samples/<file>.jsonl}. */
    static List<String> lines(String file) {
        return SampleFiles.lines(file);
    }

    /** The first sample of a file as a mutable tree. */
    static ObjectNode first(String file) {
        return tree(lines(file).get(0));
    }

    static ObjectNode tree(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets (or, with null, removes) the value at a JSON pointer; returns the event. */
    static ObjectNode set(ObjectNode event, String pointer, String valueJson) {
        JsonPointer p = JsonPointer.compile(pointer);
        JsonNode parent = event.at(p.head());
        String name = p.last().getMatchingProperty();
        if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(name), tree("{\"v\":" + valueJson + "}").get("v"));
        } else if (valueJson == null) {
            ((ObjectNode) parent).remove(name);
        } else {
            ((ObjectNode) parent).set(name, tree("{\"v\":" + valueJson + "}").get("v"));
        }
        return event;
    }

    static Routed route(String json) {
        return route(json.getBytes(StandardCharsets.UTF_8));
    }

    static Routed route(JsonNode event) {
        return route(event.toString());
    }

    static Routed route(byte[] value) {
        return new EventRouter().route(new KafkaEvent(value, "streaming-events", 0, 7, null), NOW);
    }

    /** The typed rows of one table as trees. */
    static List<JsonNode> rows(Routed routed, String table) {
        List<JsonNode> out = new ArrayList<>();
        for (SinkRow row : routed.typed()) {
            if (row.table.equals(table)) {
                out.add(tree(row.json));
            }
        }
        return out;
    }

    /** The dead letter's error_type, or null when the record produced typed rows. */
    static String errorType(Routed routed) {
        return routed.deadLetter() == null
                ? null
                : tree(routed.deadLetter().json).get("error_type").asText();
    }

    /** The dead letter's error_message, or null when the record produced typed rows. */
    static String errorMessage(Routed routed) {
        return routed.deadLetter() == null
                ? null
                : tree(routed.deadLetter().json).get("error_message").asText();
    }
}
