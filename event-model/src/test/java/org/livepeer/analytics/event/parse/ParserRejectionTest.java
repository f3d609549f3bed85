package org.livepeer.analytics.event.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A real sample with one value changed or removed is rejected with exactly the classified error
 * (docs/events.md §2.2): wrong types and out-of-range values are {@code invalid_value}, never
 * defaults. The cases are the table in {@code src/test/resources/parser-rejections.tsv}.
 */
class ParserRejectionTest {

    private static final String REMOVE = "-";

    /**
     * Replace the value at {@code pointer} in sample {@code id} with {@code json} (null: remove).
     */
    record Case(int line, String id, String pointer, String json, String errorType) {
        @Override
        public String toString() {
            return "line " + line + ": " + errorType + " <- " + pointer + " = " + json;
        }
    }

    static List<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (InputStream in =
                        ParserRejectionTest.class
                                .getClassLoader()
                                .getResourceAsStream("parser-rejections.tsv");
                BufferedReader reader =
                        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            int lineNo = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != 4) {
                    throw new IllegalStateException("line " + lineNo + " needs 4 fields: " + line);
                }
                cases.add(new Case(lineNo, f[0], f[1], REMOVE.equals(f[2]) ? null : f[2], f[3]));
            }
        }
        return cases;
    }

    @Test
    void theTableCoversEveryEventType() throws IOException {
        List<Case> all = cases();
        assertEquals(79, all.size());
        long types =
                all.stream()
                        .map(c -> SampleEvents.byId(c.id()).get("type").asText())
                        .distinct()
                        .count();
        assertEquals(EventParsers.supportedTypes().size(), types);
        assertTrue(all.stream().anyMatch(c -> c.errorType().equals("invalid_payload")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rejectsWithTheExactErrorTypeAndPath(Case c) {
        ObjectNode event = Mutation.set(SampleEvents.byId(c.id()), c.pointer(), c.json());
        assertEquals(c.errorType(), SampleEvents.errorAndPathOf(event));
    }
}
