package org.livepeer.analytics.event.parse.capabilities;

import java.util.List;
import org.livepeer.analytics.event.parse.JsonFields;
import org.livepeer.analytics.event.rows.NetworkCapabilityHardwareRow;
import org.livepeer.analytics.event.rows.TypedRow;

/**
 * Hardware rows of one orchestrator element: one per GPU of each {@code hardware} entry, or one row
 * with NULL GPU columns for an entry without {@code gpu_info} (LLM runners), so the entry's
 * pipeline and model are not lost.
 */
final class CapabilityHardware {

    private CapabilityHardware() {}

    static void addHardware(List<TypedRow> rows, Orchestrator orch, JsonFields element) {
        List<JsonFields> hardware = element.objectList("hardware");
        for (int h = 0; h < hardware.size(); h++) {
            JsonFields entry = hardware.get(h);
            String pipeline = Proto.text(entry, "pipeline");
            String modelId = Proto.text(entry, "model_id");
            JsonFields gpus = entry.optionalObject("gpu_info");
            List<String> slots = gpus == null ? List.of() : gpus.names();
            if (slots.isEmpty()) {
                rows.add(
                        new NetworkCapabilityHardwareRow(
                                orch.position(),
                                h,
                                0,
                                orch.address(),
                                orch.uri(),
                                pipeline,
                                modelId,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null));
            }
            for (int g = 0; g < slots.size(); g++) {
                String slot = slots.get(g);
                JsonFields gpu = gpus.object(slot);
                rows.add(
                        new NetworkCapabilityHardwareRow(
                                orch.position(),
                                h,
                                g,
                                orch.address(),
                                orch.uri(),
                                pipeline,
                                modelId,
                                slot,
                                Proto.text(gpu, "id"),
                                Proto.text(gpu, "name"),
                                Proto.unsigned(gpu, "major"),
                                Proto.unsigned(gpu, "minor"),
                                Proto.unsigned(gpu, "memory_free"),
                                Proto.unsigned(gpu, "memory_total")));
            }
        }
    }
}
