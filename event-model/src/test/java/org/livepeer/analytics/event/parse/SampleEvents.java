package org.livepeer.analytics.event.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.livepeer.analytics.event.envelope.Envelope;
import org.livepeer.analytics.event.envelope.EnvelopeCheck;
import org.livepeer.analytics.event.envelope.EnvelopeValidator;
import org.livepeer.analytics.event.json.InvalidJsonException;
import org.livepeer.analytics.event.json.StrictJson;
import org.livepeer.analytics.event.rows.TypedRow;
import org.livepeer.analytics.event.samples.SampleFiles;

/** The real sample events ({@link SampleFiles}) with file and line, and parsing shortcuts. */
public final class SampleEvents {

    /** One sample line: the file it came from, its line number and its raw bytes. */
    public record Sample(String file, int line, byte[] bytes) {
        @Override
        public String toString() {
            return file + ":" + line;
        }
    }

    private SampleEvents() {}

    public static List<Sample> all() {
        List<Sample> out = new ArrayList<>();
        for (String file : SampleFiles.FILES) {
            String[] lines = new String(SampleFiles.read(file), StandardCharsets.UTF_8).split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (!lines[i].isBlank()) {
                    out.add(new Sample(file, i + 1, lines[i].getBytes(StandardCharsets.UTF_8)));
                }
            }
        }
        return out;
    }

    /**
     * The sample with envelope id {@code id}, as a mutable tree (tests derive variants from it).
     */
    public static ObjectNode byId(String id) {
        for (Sample s : all()) {
            ObjectNode node = (ObjectNode) parse(s.bytes());
            if (id.equals(node.path("id").asText())) {
                return node;
            }
        }
        throw new IllegalArgumentException("no sample with id " + id);
    }

    public static JsonNode parse(byte[] bytes) {
        try {
            return StrictJson.parse(bytes);
        } catch (InvalidJsonException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Envelope envelope(JsonNode node) {
        return assertInstanceOf(EnvelopeCheck.Valid.class, EnvelopeValidator.validate(node))
                .envelope();
    }

    /** Validates and parses one envelope, failing the test unless it yields rows. */
    public static List<TypedRow> rowsOf(JsonNode node) {
        Envelope envelope = envelope(node);
        EventParser parser = EventParsers.forType(envelope.type()).orElseThrow();
        ParseOutcome outcome = parser.parse(envelope);
        return assertInstanceOf(ParseOutcome.Parsed.class, outcome, () -> outcome.toString())
                .rows();
    }

    /**
     * Parses {@code node}, expecting a rejection, and returns its error type followed by {@code :}
     * and the field's path when it names one ({@code invalid_value:data.fps}), as the rejection
     * tables write it. The message must name the path.
     */
    public static String errorAndPathOf(JsonNode node) {
        Envelope envelope = envelope(node);
        ParseOutcome outcome = EventParsers.forType(envelope.type()).orElseThrow().parse(envelope);
        ParseOutcome.Rejected rejected =
                assertInstanceOf(ParseOutcome.Rejected.class, outcome, () -> outcome.toString());
        assertEquals(false, rejected.message().isEmpty());
        assertTrue(
                rejected.message().contains(rejected.path()),
                () -> "the message names " + rejected.path() + ": " + rejected.message());
        return rejected.path().isEmpty()
                ? rejected.errorType()
                : rejected.errorType() + ":" + rejected.path();
    }
}
