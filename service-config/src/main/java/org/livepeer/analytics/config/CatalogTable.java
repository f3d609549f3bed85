package org.livepeer.analytics.config;

import java.util.ArrayList;
import java.util.List;

/**
 * A catalog as the markdown table docs/configuration.md shows: {@code | Variable | Default |
 * Meaning |}, one row per key in catalog order. Tests compare the doc's tables with this rendering,
 * so the doc cannot drift from the code.
 */
public final class CatalogTable {

    /** The header and separator rows. */
    public static final List<String> HEADER =
            List.of("| Variable | Default | Meaning |", "|---|---|---|");

    private CatalogTable() {}

    /** The table's lines, header first. */
    public static List<String> render(List<? extends ConfigKeyDef> catalog) {
        List<String> lines = new ArrayList<>(HEADER);
        for (ConfigKeyDef key : catalog) {
            lines.add(
                    "| `"
                            + key.envName()
                            + "` | "
                            + defaultCell(key)
                            + " | "
                            + escape(key.doc())
                            + " |");
        }
        return lines;
    }

    /** {@link #render} of an enum catalog. */
    public static <E extends Enum<E> & ConfigKeyDef> List<String> render(Class<E> catalog) {
        return render(List.of(catalog.getEnumConstants()));
    }

    private static String defaultCell(ConfigKeyDef key) {
        return key.defaultValue()
                .map(v -> v.isEmpty() ? "(empty)" : "`" + escape(v) + "`")
                .orElse("—");
    }

    private static String escape(String text) {
        return text.replace("|", "\\|");
    }
}
