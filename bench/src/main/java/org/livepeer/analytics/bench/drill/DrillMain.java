package org.livepeer.analytics.bench.drill;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * Fault drills at volume (docs/reliability.md): for each drill a fresh pipeline, a sustained load
 * of the production mix with unique ids until the target of acknowledged events is reached, the
 * fault in the middle of it, then the drain and the count by event id in ClickHouse, and the hourly
 * rollup against a fresh recompute. Prints markdown tables at the end and writes them to {@code
 * <out>/results.md}. Options: {@link DrillOptions}. Run from the repository root after {@code mvn
 * install -DskipTests}; needs {@code clickhouse-server}.
 */
public final class DrillMain {

    private DrillMain() {}

    public static void main(String[] args) throws Exception {
        DrillOptions o = DrillOptions.parse(args);
        Files.createDirectories(o.out());
        String runId = "d" + Long.toString(System.currentTimeMillis() / 1000 % 1_000_000, 36);
        DrillLog.say("options " + o + "; run " + runId);
        DrillRun run = new DrillRun(o, runId);
        List<DrillReport> reports = new ArrayList<>();
        for (Fault fault : o.drills()) {
            reports.add(run.run(fault));
            StringBuilder tables =
                    new StringBuilder("\n### Summary\n\n").append(DrillTables.summary(reports));
            for (DrillReport r : reports) {
                tables.append("\n").append(DrillTables.drill(r));
            }
            Files.writeString(o.out().resolve("results.md"), tables, StandardCharsets.UTF_8);
            System.out.println(tables);
            System.out.flush();
        }
        System.exit(0);
    }
}
