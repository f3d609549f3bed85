package org.livepeer.analytics.event.parse;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/** Derives test events from real samples by replacing or removing one value. */
final class Mutation {

    private Mutation() {}

    /**
     * Sets the value at JSON pointer {@code pointer} to the JSON text {@code json}, or removes it
     * when {@code json} is null. Returns {@code root}.
     */
    static ObjectNode set(ObjectNode root, String pointer, String json) {
        JsonPointer ptr = JsonPointer.compile(pointer);
        JsonNode parent = root.at(ptr.head());
        String last = ptr.last().getMatchingProperty();
        JsonNode value =
                json == null ? null : SampleEvents.parse(json.getBytes(StandardCharsets.UTF_8));
        if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), value);
        } else if (json == null) {
            ((ObjectNode) parent).remove(last);
        } else {
            ((ObjectNode) parent).set(last, value);
        }
        return root;
    }
}
