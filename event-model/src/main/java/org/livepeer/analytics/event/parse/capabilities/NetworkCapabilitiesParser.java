package org.livepeer.analytics.event.parse.capabilities;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.livepeer.analytics.event.parse.JsonFields;
import org.livepeer.analytics.event.parse.PayloadParser;
import org.livepeer.analytics.event.rows.NetworkCapabilityRow;
import org.livepeer.analytics.event.rows.TypedRow;

/**
 * {@code network_capabilities} (docs/events.md §7): data is an array with one element per
 * orchestrator. Each element gives one {@code network_capabilities} row plus one row per capacity,
 * per model constraint, per capability price and per hardware GPU in the {@code
 * network_capability_*} tables; every row carries the element's {@code position}.
 *
 * <p>The nested structs are protobuf-generated and serialised with {@code omitempty}, so inside
 * them an absent field <em>means</em> its zero value (e.g. {@code minor} of an RTX 5090 is 0, a
 * free capability has no {@code pricePerUnit}); those fields are read as 0, "" or false. A present
 * field of the wrong type is still an {@code invalid_value}. Orchestrators whose {@code hardware}
 * or {@code capabilities_prices} is null are valid and simply have no rows there (docs/events.md
 * §7, §11.5), and no row borrows another entry's model or price (docs/events.md §11.7).
 */
public final class NetworkCapabilitiesParser extends PayloadParser {

    private static final long serialVersionUID = 1L;

    @Override
    protected List<TypedRow> rows(JsonNode payload) {
        List<JsonFields> elements = JsonFields.rootArray(payload);
        List<TypedRow> rows = new ArrayList<>(elements.size() * 8);
        for (int i = 0; i < elements.size(); i++) {
            addElement(rows, i, elements.get(i));
        }
        return rows;
    }

    private static void addElement(List<TypedRow> rows, int position, JsonFields element) {
        Orchestrator orch =
                new Orchestrator(position, element.lowerText("address"), element.text("orch_uri"));
        JsonFields capabilities = element.optionalObject("capabilities");
        JsonFields constraints =
                capabilities == null ? null : capabilities.optionalObject("constraints");
        JsonFields priceInfo = element.optionalObject("price_info");
        rows.add(
                new NetworkCapabilityRow(
                        position,
                        orch.address(),
                        element.optionalLowerText("local_address"),
                        orch.uri(),
                        capabilities == null ? null : capabilities.optionalText("version"),
                        constraints == null ? null : constraints.optionalText("minVersion"),
                        capabilities == null ? List.of() : capabilities.uint64List("bitstring"),
                        capabilities == null ? List.of() : capabilities.uint64List("mandatories"),
                        priceInfo == null ? null : Proto.integer(priceInfo, "pricePerUnit"),
                        priceInfo == null ? null : Proto.integer(priceInfo, "pixelsPerUnit"),
                        element.optionalJson("capability_options")));
        if (capabilities != null) {
            CapabilityConstraints.addCapacities(rows, orch, capabilities);
            CapabilityConstraints.addModels(rows, orch, constraints);
        }
        CapabilityConstraints.addPrices(rows, orch, element);
        CapabilityHardware.addHardware(rows, orch, element);
    }
}
