package org.livepeer.analytics.bench.drill;

import java.util.ArrayList;
import java.util.List;
import org.livepeer.analytics.bench.pipeline.Markdown;

/** The drills' results as markdown tables (docs/reliability.md): a summary, then one per drill. */
final class DrillTables {

    private DrillTables() {}

    static String summary(List<DrillReport> reports) {
        List<List<String>> rows = new ArrayList<>();
        for (DrillReport r : reports) {
            IdAccounting.Result c = r.counts;
            if (c == null) {
                rows.add(
                        List.of(r.fault.title(), "failed: " + r.error, "", "", "", "", "", "", ""));
                continue;
            }
            rows.add(
                    List.of(
                            r.fault.title(),
                            Markdown.count(c.acked()),
                            Markdown.count(c.rawIds()) + " / " + Markdown.count(c.typedIds()),
                            Markdown.count(c.typedRowsFinal()),
                            Markdown.count(c.missingRaw())
                                    + " / "
                                    + Markdown.count(c.missingTyped()),
                            Markdown.count(c.doubled()),
                            Long.toString(r.restarts),
                            drift(r.drift),
                            Markdown.one(r.drainS)));
        }
        return Markdown.table(
                List.of(
                        "drill",
                        "acknowledged",
                        "raw / typed ids",
                        "typed rows after FINAL",
                        "missing raw / typed",
                        "doubled",
                        "restarts",
                        "rollup keys differing",
                        "time to drain s"),
                rows);
    }

    /** Every figure of one drill, one per line. */
    static String drill(DrillReport r) {
        IdAccounting.Result c = r.counts;
        List<List<String>> rows = new ArrayList<>();
        rows.add(
                List.of(
                        "fault",
                        "at +" + Markdown.one(r.faultAtS) + " s of load: " + r.faultSteps));
        if (c != null) {
            rows.add(
                    List.of("acknowledged (202, every event accepted)", Markdown.count(c.acked())));
            rows.add(List.of("distinct ids in streaming_events", Markdown.count(c.rawIds())));
            rows.add(List.of("distinct ids in the typed tables", Markdown.count(c.typedIds())));
            rows.add(
                    List.of(
                            "acknowledged, missing from raw / typed",
                            pair(c.missingRaw(), c.missingTyped())));
            rows.add(
                    List.of(
                            "ids present, never acknowledged",
                            Markdown.count(c.presentNotAcked())));
            rows.add(List.of("raw rows after FINAL / all", pair(c.rawRowsFinal(), c.rawRows())));
            rows.add(
                    List.of(
                            "typed rows after FINAL / owed by the typed ids / before FINAL",
                            Markdown.count(c.typedRowsFinal())
                                    + " / "
                                    + Markdown.count(c.typedRowsExpected())
                                    + " / "
                                    + Markdown.count(c.typedRows())));
            rows.add(
                    List.of(
                            "typed rows doubled / short after FINAL",
                            pair(c.doubled(), c.shortRows())));
        }
        if (r.load != null) {
            rows.add(
                    List.of(
                            "requests: answered 202 / failed or refused",
                            pair(r.load.okRequests(), r.load.failedRequests())));
        }
        rows.add(
                List.of(
                        "load s / time to drain s",
                        Markdown.one(r.loadS) + " / " + Markdown.one(r.drainS)));
        rows.add(List.of("job restarts (numRestarts)", Long.toString(r.restarts)));
        rows.add(List.of("restored from", r.restoredFrom));
        rows.add(List.of("checkpoints", r.checkpoints));
        rows.add(List.of("sink retries (running attempt)", Long.toString(r.sinkRetries)));
        rows.add(List.of("rollup keys differing", drift(r.drift)));
        rows.add(
                List.of(
                        "rollup agreed after s",
                        r.drift == null ? "-" : Markdown.one(r.drift.secondsToAgree())));
        rows.add(List.of("machine", r.machine == null ? "-" : r.machine.toString()));
        if (!r.error.isEmpty()) {
            rows.add(List.of("error", r.error));
        }
        return Markdown.table(List.of(r.fault.title(), ""), rows);
    }

    private static String pair(long a, long b) {
        return Markdown.count(a) + " / " + Markdown.count(b);
    }

    private static String drift(RollupDrift.Outcome d) {
        if (d == null) {
            return "-";
        }
        return Long.toString(d.differing());
    }
}
