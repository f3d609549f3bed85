package org.livepeer.analytics.event.parse.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.livepeer.analytics.event.parse.JsonFields;
import org.livepeer.analytics.event.parse.PayloadException;
import org.livepeer.analytics.event.parse.PayloadParser;
import org.livepeer.analytics.event.rows.DiscoveryResultRow;
import org.livepeer.analytics.event.rows.TypedRow;

/**
 * {@code discovery_results} (docs/events.md §8): one {@link DiscoveryResultRow} per array element,
 * with its list position (the order carries meaning: sorted by latency, suspended ones appended).
 * {@code latency_ms} is a decimal string on the wire; an integer is accepted too, anything else is
 * an {@code invalid_value}, never 0 (docs/events.md §2.2).
 */
public final class DiscoveryResultsParser extends PayloadParser {

    private static final long serialVersionUID = 1L;

    @Override
    protected List<TypedRow> rows(JsonNode payload) {
        List<JsonFields> elements = JsonFields.rootArray(payload);
        List<TypedRow> rows = new ArrayList<>(elements.size());
        for (int i = 0; i < elements.size(); i++) {
            JsonFields e = elements.get(i);
            rows.add(
                    new DiscoveryResultRow(i, e.lowerText("address"), e.text("url"), latencyMs(e)));
        }
        return rows;
    }

    private static long latencyMs(JsonFields element) {
        String name = "latency_ms";
        JsonNode v = element.node().get(name);
        if (v == null || !v.isTextual()) {
            return element.unsigned(name);
        }
        String text = v.textValue();
        if (!JsonFields.isDecimalId(text)) {
            throw PayloadException.invalidValue(
                    element.pathOf(name), "must be a decimal integer string, got \"" + text + "\"");
        }
        return Long.parseLong(text);
    }
}
