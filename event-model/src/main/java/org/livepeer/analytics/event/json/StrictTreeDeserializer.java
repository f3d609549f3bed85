package org.livepeer.analytics.event.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * Jackson's tree deserializer, except that a duplicate key at any depth is an error. The check is
 * free here: building the tree already puts every member into its object's map, and a put that
 * replaces a value is a duplicate. This replaces the parser's {@code STRICT_DUPLICATE_DETECTION},
 * which tracks every name a second time per object; the error is the same {@link
 * JsonParseException} with the same message ({@code Duplicate field 'x'}). The one difference: the
 * duplicate is noticed after its value has been read, so when that value is itself broken (bad
 * syntax, NaN, invalid UTF-8, too deep) the document is rejected for that reason instead.
 */
final class StrictTreeDeserializer extends JsonNodeDeserializer {

    private static final long serialVersionUID = 1L;

    StrictTreeDeserializer() {
        super();
    }

    private StrictTreeDeserializer(
            StrictTreeDeserializer base, boolean mergeArrays, boolean mergeObjects) {
        super(base, mergeArrays, mergeObjects);
    }

    @Override
    protected JsonDeserializer<?> _createWithMerge(boolean mergeArrays, boolean mergeObjects) {
        return new StrictTreeDeserializer(this, mergeArrays, mergeObjects);
    }

    @Override
    protected void _handleDuplicateField(
            JsonParser p,
            DeserializationContext ctxt,
            JsonNodeFactory nodeFactory,
            String fieldName,
            ObjectNode objectNode,
            JsonNode oldValue,
            JsonNode newValue)
            throws IOException {
        throw new JsonParseException(p, "Duplicate field '" + fieldName + "'");
    }
}
