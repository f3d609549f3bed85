package org.livepeer.analytics.gateway.config;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The operators' reference table in docs/ingest-api.md lists every key with its real default. */
class ConfigReferenceDocTest {

    private static final Path DOC = Path.of("..", "docs", "ingest-api.md");

    @ParameterizedTest
    @EnumSource(ConfigKey.class)
    void everyKeyIsDocumentedWithItsDefault(ConfigKey key) throws IOException {
        String name = key == ConfigKey.KAFKA_PRODUCER_PREFIX ? "KAFKA_PRODUCER_<NAME>" : key.name();
        List<String> rows =
                Files.readAllLines(DOC).stream()
                        .filter(line -> line.startsWith("| ") && line.contains("`" + name + "`"))
                        .toList();
        assertTrue(!rows.isEmpty(), name + " is missing from the table in " + DOC);
        if (!key.defaultValue().isEmpty()) {
            assertTrue(
                    rows.stream().anyMatch(r -> r.contains("`" + key.defaultValue() + "`")),
                    name + " must show its default `" + key.defaultValue() + "`: " + rows);
        }
    }
}
