package org.livepeer.analytics.event.parse;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.livepeer.analytics.event.json.InvalidJsonException;
import org.livepeer.analytics.event.json.StrictJson;

/**
 * Every payload parser on structurally mutated real samples: the fuzzer picks a sample and changes
 * a few of its values (any field, at any depth, envelope included) to other JSON values, removes
 * fields or renames them to another name of the same document. Byte-level mutation rarely keeps
 * JSON valid and a parser reachable; this keeps the input a plausible event, so the parsers' own
 * branches are what gets explored (docs/testing.md, "Fuzzing").
 */
class PayloadMutationFuzzTest {

    private static final List<JsonNode> SAMPLES =
            SampleEvents.all().stream().map(s -> SampleEvents.parse(s.bytes())).toList();

    @FuzzTest(maxDuration = "20s")
    void mutatedSamplesAreClassified(FuzzedDataProvider data) throws JsonProcessingException {
        JsonNode event = SAMPLES.get(data.consumeInt(0, SAMPLES.size() - 1)).deepCopy();
        int mutations = data.consumeInt(1, 4);
        for (int i = 0; i < mutations; i++) {
            if (!TreeMutation.apply(event, data)) {
                return;
            }
        }
        byte[] value = StrictJson.mapper().writeValueAsBytes(event);
        try {
            Classified.of(value).assertWellFormed();
        } catch (RuntimeException | AssertionError e) {
            // The crash file holds the fuzzer's choices, not JSON: show the event they built.
            throw new AssertionError("on " + new String(value, StandardCharsets.UTF_8), e);
        }
    }

    /** One change at a node the fuzzer picks among all members and elements of the event. */
    private static final class TreeMutation {

        private static final List<String> SHAPES =
                List.of("null", "true", "{}", "[]", "[{}]", "\"\"");

        private TreeMutation() {}

        /** False when the fuzzer's bytes describe no valid change (the input is not useful). */
        static boolean apply(JsonNode event, FuzzedDataProvider data) {
            List<JsonNode> containers = new ArrayList<>();
            collectContainers(event, containers);
            JsonNode parent = containers.get(data.consumeInt(0, containers.size() - 1));
            if (parent.isEmpty()) {
                return false;
            }
            int child = data.consumeInt(0, parent.size() - 1);
            int op = data.consumeInt(0, 2);
            if (op == 0) {
                JsonNode value = value(data);
                if (value == null) {
                    return false;
                }
                replace(parent, child, value);
            } else if (op == 1) {
                remove(parent, child);
            } else if (parent instanceof ObjectNode object) {
                rename(object, child, someName(event, data));
            }
            return true;
        }

        private static void collectContainers(JsonNode node, List<JsonNode> out) {
            if (node.isContainerNode()) {
                out.add(node);
                node.forEach(c -> collectContainers(c, out));
            }
        }

        /**
         * A JSON value from a literal the fuzzer writes or one of a few shapes parsers meet; null
         * when the literal is not JSON.
         */
        private static JsonNode value(FuzzedDataProvider data) {
            String literal =
                    switch (data.consumeInt(0, 5)) {
                        case 0 -> Long.toString(data.consumeLong());
                        case 1 -> data.consumeInt(-9, 9) + ".5e" + exponent(data);
                        case 2 -> Double.toString(data.consumeDouble());
                        case 3 -> TextNode.valueOf(data.consumeString(40)).toString();
                        case 4 -> data.pickValue(SHAPES);
                        default -> data.consumeString(80);
                    };
            try {
                return StrictJson.parse(literal.getBytes(StandardCharsets.UTF_8));
            } catch (InvalidJsonException e) {
                return null;
            }
        }

        /** Mostly a plausible exponent; otherwise any int, far beyond what a double holds. */
        private static int exponent(FuzzedDataProvider data) {
            return data.consumeBoolean() ? data.consumeInt(-400, 400) : data.consumeInt();
        }

        private static String someName(JsonNode event, FuzzedDataProvider data) {
            List<String> names = new ArrayList<>();
            collectNames(event, names);
            return names.isEmpty() ? "x" : data.pickValue(names);
        }

        private static void collectNames(JsonNode node, List<String> out) {
            if (node.isObject()) {
                node.fieldNames().forEachRemaining(out::add);
            }
            node.forEach(c -> collectNames(c, out));
        }

        private static void replace(JsonNode parent, int child, JsonNode value) {
            if (parent instanceof ObjectNode object) {
                object.set(nameAt(object, child), value);
            } else {
                ((ArrayNode) parent).set(child, value);
            }
        }

        private static void remove(JsonNode parent, int child) {
            if (parent instanceof ObjectNode object) {
                object.remove(nameAt(object, child));
            } else {
                ((ArrayNode) parent).remove(child);
            }
        }

        private static void rename(ObjectNode object, int child, String newName) {
            String name = nameAt(object, child);
            JsonNode value = object.remove(name);
            object.set(newName, value);
        }

        private static String nameAt(ObjectNode object, int index) {
            Iterator<String> it = object.fieldNames();
            for (int i = 0; i < index; i++) {
                it.next();
            }
            return it.next();
        }
    }
}
