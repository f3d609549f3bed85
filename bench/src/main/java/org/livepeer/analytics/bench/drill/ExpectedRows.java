package org.livepeer.analytics.bench.drill;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.livepeer.analytics.bench.pipeline.EventMix;
import org.livepeer.analytics.bench.pipeline.PipelineTopics;
import org.livepeer.analytics.processor.route.EventRouter;
import org.livepeer.analytics.processor.route.Routed;
import org.livepeer.analytics.processor.row.SinkRow;
import org.livepeer.analytics.processor.source.KafkaEvent;

/**
 * The typed rows each event of the mix must leave, per table, from the job's own router: event
 * {@code n} is template {@code n % size} of the mix, and a template always leaves the same rows (a
 * capabilities snapshot fans out to hundreds). Summed over the ids present, it is what the typed
 * tables hold after {@code FINAL} when nothing is doubled.
 */
final class ExpectedRows {

    private final List<Map<String, Integer>> perTemplate = new ArrayList<>();
    private final Set<String> tables;

    ExpectedRows(EventMix mix) {
        EventRouter router = new EventRouter();
        Map<String, Integer> all = new TreeMap<>();
        long now = System.currentTimeMillis();
        for (int i = 0; i < mix.size(); i++) {
            StringBuilder event = new StringBuilder();
            mix.at(i).append(event, "expected-" + i, now);
            Routed routed =
                    router.route(
                            new KafkaEvent(
                                    event.toString().getBytes(StandardCharsets.UTF_8),
                                    PipelineTopics.EVENTS,
                                    0,
                                    i,
                                    null),
                            now);
            if (routed.deadLetter() != null) {
                throw new IllegalStateException("a template does not parse: " + routed.errorType());
            }
            Map<String, Integer> rows = new TreeMap<>();
            for (SinkRow row : routed.typed()) {
                rows.merge(row.table, 1, Integer::sum);
                all.merge(row.table, 1, Integer::sum);
            }
            perTemplate.add(rows);
        }
        tables = all.keySet();
    }

    /** Every typed table the mix writes to. */
    Set<String> tables() {
        return tables;
    }

    /** Rows per table the events numbered by {@code ids} leave. */
    Map<String, Long> of(BitSet ids) {
        Map<String, Long> out = new TreeMap<>();
        for (int n = ids.nextSetBit(0); n >= 0; n = ids.nextSetBit(n + 1)) {
            perTemplate
                    .get(n % perTemplate.size())
                    .forEach((t, c) -> out.merge(t, (long) c, Long::sum));
        }
        return out;
    }
}
