package org.livepeer.analytics.event.parse.capabilities;

import java.util.List;
import org.livepeer.analytics.event.parse.JsonFields;
import org.livepeer.analytics.event.rows.NetworkCapabilityCapacityRow;
import org.livepeer.analytics.event.rows.NetworkCapabilityModelRow;
import org.livepeer.analytics.event.rows.NetworkCapabilityPriceRow;
import org.livepeer.analytics.event.rows.TypedRow;

/** Capacity, per-model constraint and price rows of one orchestrator element. */
final class CapabilityConstraints {

    private CapabilityConstraints() {}

    /** {@code capabilities.capacities}: capability id (a string key) to capacity. */
    static void addCapacities(List<TypedRow> rows, Orchestrator orch, JsonFields capabilities) {
        JsonFields capacities = capabilities.optionalObject("capacities");
        if (capacities == null) {
            return;
        }
        for (String key : capacities.names()) {
            rows.add(
                    new NetworkCapabilityCapacityRow(
                            orch.position(),
                            orch.address(),
                            orch.uri(),
                            capacities.nameAsId(key),
                            capacities.unsigned(key)));
        }
    }

    /** {@code constraints.PerCapability.<capability id>.models.<model id>}. */
    static void addModels(List<TypedRow> rows, Orchestrator orch, JsonFields constraints) {
        JsonFields perCapability =
                constraints == null ? null : constraints.optionalObject("PerCapability");
        if (perCapability == null) {
            return;
        }
        for (String capabilityKey : perCapability.names()) {
            long capabilityId = perCapability.nameAsId(capabilityKey);
            JsonFields models = perCapability.object(capabilityKey).optionalObject("models");
            if (models == null) {
                continue;
            }
            for (String modelId : models.names()) {
                JsonFields model = models.object(modelId);
                rows.add(
                        new NetworkCapabilityModelRow(
                                orch.position(),
                                orch.address(),
                                orch.uri(),
                                capabilityId,
                                modelId,
                                Proto.bool(model, "warm"),
                                Proto.unsigned(model, "capacity"),
                                Proto.unsigned(model, "capacityInUse"),
                                Proto.text(model, "runnerVersion")));
            }
        }
    }

    /** {@code capabilities_prices} (null for orchestrators without per-capability prices). */
    static void addPrices(List<TypedRow> rows, Orchestrator orch, JsonFields element) {
        List<JsonFields> prices = element.objectList("capabilities_prices");
        for (int i = 0; i < prices.size(); i++) {
            JsonFields price = prices.get(i);
            rows.add(
                    new NetworkCapabilityPriceRow(
                            orch.position(),
                            i,
                            orch.address(),
                            orch.uri(),
                            Proto.unsigned(price, "capability"),
                            Proto.text(price, "constraint"),
                            Proto.integer(price, "pricePerUnit"),
                            Proto.integer(price, "pixelsPerUnit")));
        }
    }
}
