package org.livepeer.analytics.launcher;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.livepeer.analytics.config.CatalogTable;
import org.livepeer.analytics.config.KafkaKey;
import org.livepeer.analytics.gateway.config.GatewayKey;
import org.livepeer.analytics.processor.config.ProcessorKey;
import org.livepeer.analytics.processor.live.LiveMetricsKey;
import org.livepeer.analytics.sse.config.SseConfigKey;

/**
 * Each section of docs/configuration.md shows its catalog as {@link CatalogTable} renders it: the
 * first table under the section's heading must be exactly that, so a key added, removed or changed
 * in the code fails here until the doc says the same. The launcher sees every service's catalog,
 * hence the test lives here.
 */
class ConfigurationDocTest {

    private static final Path DOC = Path.of("..", "docs", "configuration.md");

    static Stream<Arguments> sections() {
        return Stream.of(
                Arguments.of(
                        "## Shared Kafka settings (`KafkaKey`)",
                        CatalogTable.render(KafkaKey.class)),
                Arguments.of(
                        "## Ingest gateway (`GatewayKey`)", CatalogTable.render(GatewayKey.class)),
                Arguments.of(
                        "## SSE API (`SseConfigKey`)", CatalogTable.render(SseConfigKey.class)),
                Arguments.of(
                        "## Flink processor (`ProcessorKey`)",
                        CatalogTable.render(ProcessorKey.class)),
                Arguments.of(
                        "## Live metrics (`LiveMetricsKey`)",
                        CatalogTable.render(LiveMetricsKey.class)),
                Arguments.of(
                        "## The embedded default (`LauncherKey`)",
                        CatalogTable.render(LauncherKey.class)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sections")
    void theTableUnderEachHeadingIsItsCatalog(String heading, List<String> catalog)
            throws IOException {
        List<String> doc = Files.readAllLines(DOC);
        int at = doc.indexOf(heading);
        assertTrue(at >= 0, DOC + " has no line '" + heading + "'");
        List<String> table = firstTableAfter(doc, at);
        if (!table.equals(catalog)) {
            fail(
                    DOC
                            + ", "
                            + heading
                            + ": the table differs from the catalog (- in the doc only, + in the"
                            + " catalog only):\n"
                            + String.join("\n", diff(table, catalog))
                            + "\n\nThe catalog's table:\n"
                            + String.join("\n", catalog));
        }
    }

    private static List<String> firstTableAfter(List<String> doc, int heading) {
        List<String> table = new ArrayList<>();
        for (int i = heading + 1; i < doc.size() && !doc.get(i).startsWith("## "); i++) {
            if (doc.get(i).startsWith("|")) {
                table.add(doc.get(i));
            } else if (!table.isEmpty()) {
                break;
            }
        }
        return table;
    }

    private static List<String> diff(List<String> doc, List<String> catalog) {
        List<String> lines = new ArrayList<>();
        doc.stream().filter(l -> !catalog.contains(l)).forEach(l -> lines.add("- " + l));
        catalog.stream().filter(l -> !doc.contains(l)).forEach(l -> lines.add("+ " + l));
        return lines;
    }
}
