package org.livepeer.analytics.sse.fanout;

import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.livepeer.analytics.sse.source.TailRecord;

/**
 * One batch of a topic's records on its way to the hubs, routed (parsed for the filters and framed)
 * at most once, when first asked for. With no client connected nobody asks: the raw-event tail
 * reads every event, and parsing each one for no reader cost about half as much CPU as the whole
 * Kafka broker (docs/benchmarks.md, "Where the processor's time goes"). Hubs on several event loops
 * may ask at once, hence the lock.
 */
final class TailBatch {

    private final List<TailRecord> records;
    private final Function<TailRecord, Routed> router;
    private List<Routed> routed;
    private Buffer all;

    TailBatch(List<TailRecord> records, Function<TailRecord, Routed> router) {
        this.records = records;
        this.router = router;
    }

    int size() {
        return records.size();
    }

    /** The routed records, in order. */
    synchronized List<Routed> routed() {
        if (routed == null) {
            List<Routed> out = new ArrayList<>(records.size());
            for (TailRecord r : records) {
                out.add(router.apply(r));
            }
            routed = out;
            all = concat(out);
        }
        return routed;
    }

    /** Every frame of the batch as one buffer, for the clients that want them all; one write. */
    synchronized Buffer all() {
        routed();
        return all;
    }

    private static Buffer concat(List<Routed> routed) {
        if (routed.size() == 1) {
            return routed.get(0).frame();
        }
        int size = 0;
        for (Routed m : routed) {
            size += m.frame().length();
        }
        Buffer all = Buffer.buffer(size);
        for (Routed m : routed) {
            all.appendBuffer(m.frame());
        }
        return all;
    }
}
