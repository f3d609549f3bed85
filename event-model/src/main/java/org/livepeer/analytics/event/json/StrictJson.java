package org.livepeer.analytics.event.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.CharConversionException;
import java.io.IOException;

/**
 * The one place where event JSON is read. Strict by design (docs/events.md §1.2): a second value
 * after the first, a duplicate key, NaN/Infinity, nesting deeper than {@value #MAX_DEPTH} or bytes
 * that are not UTF-8 are errors, never silently tolerated (docs/events.md §11.4).
 */
public final class StrictJson {

    public static final int MAX_DEPTH = 1000;

    // Duplicate keys are not detected by the parser (STRICT_DUPLICATE_DETECTION tracks every name
    // a second time) but while the tree is built, at no extra cost: see StrictTreeDeserializer.
    // The fast double parser returns the same, correctly rounded values as Double.parseDouble.
    private static final JsonFactory FACTORY =
            JsonFactory.builder()
                    .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                    .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
                    .streamReadConstraints(
                            StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                    .build();

    private static final ObjectMapper MAPPER =
            JsonMapper.builder(FACTORY)
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .addModule(
                            new SimpleModule("strict-tree")
                                    .addDeserializer(JsonNode.class, new StrictTreeDeserializer()))
                    .build();

    // A reader bound to JsonNode keeps its root deserializer (readValue uses it; readTree would
    // look a tree deserializer up per call).
    private static final ObjectReader TREE_READER = MAPPER.readerFor(JsonNode.class);

    private StrictJson() {}

    /**
     * The configured mapper, for callers that stream tokens themselves (e.g. array splitting). Its
     * parsers do not reject duplicate keys: that happens when a tree is read through it.
     */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Parses exactly one JSON value.
     *
     * @throws InvalidJsonException with {@link InvalidJsonException#encodingError()} set when the
     *     bytes are not valid UTF-8
     */
    public static JsonNode parse(byte[] bytes) throws InvalidJsonException {
        return parse(bytes, 0, bytes.length);
    }

    /** Parses exactly one JSON value from {@code bytes[offset, offset+length)}. */
    public static JsonNode parse(byte[] bytes, int offset, int length) throws InvalidJsonException {
        if (length == 0) {
            throw new InvalidJsonException("empty input", false);
        }
        // readValue, unlike readTree, fails on blank input with its own words; keep ours.
        if (isBlank(bytes, offset, length)) {
            throw new InvalidJsonException("no JSON value", false);
        }
        try {
            return TREE_READER.readValue(bytes, offset, length);
        } catch (StreamConstraintsException e) {
            throw new InvalidJsonException(
                    "nesting deeper than " + MAX_DEPTH + " levels", false, e);
        } catch (CharConversionException e) {
            throw new InvalidJsonException("invalid UTF-8: " + firstLine(e), true, e);
        } catch (JsonParseException e) {
            throw new InvalidJsonException(firstLine(e), isEncodingProblem(e), e);
        } catch (IOException e) {
            throw new InvalidJsonException(firstLine(e), false, e);
        } catch (NumberFormatException e) {
            // Jackson lets this through when a fraction's exponent is outside BigDecimal's int
            // scale (1e-2147483648): valid JSON syntax, but no number we can hold.
            throw new InvalidJsonException("number out of range: " + e.getMessage(), false, e);
        }
    }

    /** Only JSON whitespace; stops at the first other byte, which is nearly always the first. */
    private static boolean isBlank(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private static boolean isEncodingProblem(JsonParseException e) {
        String m = e.getOriginalMessage();
        return m != null && (m.contains("UTF-8") || m.contains("UTF8"));
    }

    private static String firstLine(IOException e) {
        String m = e instanceof JsonParseException jpe ? jpe.getOriginalMessage() : e.getMessage();
        if (m == null) {
            return e.getClass().getSimpleName();
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
