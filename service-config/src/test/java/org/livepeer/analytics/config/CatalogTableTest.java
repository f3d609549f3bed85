package org.livepeer.analytics.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogTableTest {

    @Test
    void rendersOneRowPerKeyWithDefaultsAndEscapedBars() {
        List<String> table =
                CatalogTable.render(
                        List.of(TestKey.NAME, TestKey.COUNT, TestKey.EMPTY, TestKey.REQUIRED));
        assertEquals(
                List.of(
                        "| Variable | Default | Meaning |",
                        "|---|---|---|",
                        "| `NAME` | `abc` | A name. |",
                        "| `COUNT` | `7` | A count \\| with a bar. |",
                        "| `EMPTY` | (empty) | Empty by default. |",
                        "| `REQUIRED` | — | No default. |"),
                table);
    }

    @Test
    void rendersAWholeEnumCatalogInOrder() {
        List<String> table = CatalogTable.render(KafkaKey.class);
        assertEquals(2 + KafkaKey.values().length, table.size());
        assertEquals(
                "| `KAFKA_PRODUCER_<NAME>` | — | "
                        + KafkaKey.KAFKA_PRODUCER_PROPERTIES.doc()
                        + " |",
                table.get(2 + KafkaKey.KAFKA_PRODUCER_PROPERTIES.ordinal()));
    }
}
