package org.livepeer.analytics.sse.fanout;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.livepeer.analytics.sse.source.TailRecord;

/**
 * Fans the records of one topic out to its subscribers: each record is encoded once, then offered
 * to every subscriber whose filter wants it. Event loop only.
 */
public final class Hub {

    private final Set<Subscriber> subscribers = new LinkedHashSet<>();
    private final Function<TailRecord, Routed> router;
    private final Counter records;
    private final Counter delivered;
    private final Counter overflows;

    /**
     * @param stream the label of this hub's meters ({@code metrics} or {@code events})
     */
    public Hub(String stream, Function<TailRecord, Routed> router, MeterRegistry registry) {
        this.router = router;
        this.records = registry.counter("sse_records_total", "stream", stream);
        this.delivered = registry.counter("sse_messages_delivered_total", "stream", stream);
        this.overflows =
                registry.counter(
                        "sse_clients_dropped_total", "stream", stream, "reason", "overflow");
        Gauge.builder("sse_clients", subscribers, Set::size)
                .tag("stream", stream)
                .description("open SSE connections")
                .register(registry);
    }

    public Routed route(TailRecord record) {
        return router.apply(record);
    }

    public void add(Subscriber s) {
        subscribers.add(s);
    }

    public void remove(Subscriber s) {
        subscribers.remove(s);
    }

    public int size() {
        return subscribers.size();
    }

    /** Counts a client dropped for falling behind. */
    public void overflowed() {
        overflows.increment();
    }

    public void dispatch(List<TailRecord> batch) {
        List<Subscriber> dropped = new ArrayList<>();
        long sent = 0;
        for (TailRecord r : batch) {
            Routed m = router.apply(r);
            for (Subscriber s : subscribers) {
                if (!s.closed() && s.wants(m)) {
                    if (s.offer(m.frame())) {
                        sent++;
                    } else {
                        dropped.add(s);
                    }
                }
            }
        }
        records.increment(batch.size());
        delivered.increment(sent);
        dropped.forEach(subscribers::remove);
    }

    public void heartbeat() {
        subscribers.forEach(Subscriber::heartbeat);
    }
}
