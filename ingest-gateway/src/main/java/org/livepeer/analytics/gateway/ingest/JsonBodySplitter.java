package org.livepeer.analytics.gateway.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.livepeer.analytics.event.json.StrictJson;
import org.livepeer.analytics.gateway.http.GatewayErrorCode;
import org.livepeer.analytics.http.ApiException;

/**
 * Finds the elements of a JSON body (one value, or an array of values) by streaming its tokens and
 * taking each element's byte range from the parser's token locations. Nothing is re-serialised, so
 * Kafka receives exactly the bytes the client sent.
 *
 * <p>The parser comes from {@link StrictJson}'s factory with two deliberate differences: duplicate
 * keys are tolerated here, and the depth limit is one more (for the wrapping array). Both are then
 * enforced per element by {@link StrictJson#parse}, so one event with a duplicate key is rejected
 * at its index instead of failing the whole batch. Everything else (NaN, trailing tokens, broken
 * syntax) makes the whole body {@code invalid_json}.
 */
final class JsonBodySplitter {

    private static final JsonFactory SPLITTING =
            StrictJson.mapper()
                    .getFactory()
                    .rebuild()
                    .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .streamReadConstraints(
                            StreamReadConstraints.builder()
                                    .maxNestingDepth(StrictJson.MAX_DEPTH + 1)
                                    .build())
                    .build();

    private JsonBodySplitter() {}

    static List<RawEvent> split(byte[] body, int maxEvents) {
        try (JsonParser parser = SPLITTING.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw invalid("the body is empty");
            }
            List<RawEvent> events =
                    first == JsonToken.START_ARRAY
                            ? elements(parser, maxEvents)
                            : List.of(element(parser, 0));
            if (parser.nextToken() != null) {
                throw invalid(
                        "unexpected data after the JSON value at byte "
                                + parser.currentTokenLocation().getByteOffset());
            }
            return events;
        } catch (StreamConstraintsException e) {
            throw invalid("nesting deeper than " + StrictJson.MAX_DEPTH + " levels");
        } catch (JsonProcessingException e) {
            throw invalid(describe(e));
        } catch (IOException e) {
            // Reading a byte array does no I/O; this is a parser failure all the same.
            throw invalid(e.getMessage());
        }
    }

    private static List<RawEvent> elements(JsonParser parser, int maxEvents) throws IOException {
        List<RawEvent> events = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (events.size() == maxEvents) {
                throw new ApiException(
                        GatewayErrorCode.TOO_MANY_EVENTS,
                        "a request may carry at most " + maxEvents + " events");
            }
            events.add(element(parser, events.size()));
        }
        return events;
    }

    /** The byte range of the value that starts at the parser's current token. */
    private static RawEvent element(JsonParser parser, int index) throws IOException {
        long start = parser.currentTokenLocation().getByteOffset();
        if (parser.currentToken().isStructStart()) {
            parser.skipChildren();
        } else {
            // Strings are decoded lazily; finishing the token moves the location past its end.
            parser.finishToken();
        }
        long end = parser.currentLocation().getByteOffset();
        return new RawEvent(index, (int) start, (int) (end - start));
    }

    private static String describe(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at byte " + at.getByteOffset();
        return e.getOriginalMessage() + where;
    }

    private static ApiException invalid(String message) {
        return new ApiException(
                GatewayErrorCode.INVALID_JSON, "the body is not valid JSON: " + message);
    }
}
