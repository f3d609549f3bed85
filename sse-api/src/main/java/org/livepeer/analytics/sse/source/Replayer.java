package org.livepeer.analytics.sse.source;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads, with a short-lived consumer of its own, what a resuming client missed: for each partition
 * the records after the token's offset and before the live position. Blocking: run it on a worker.
 */
public final class Replayer {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final long DEADLINE_MS = 15_000;

    private final String bootstrapServers;
    private final Map<String, String> passThrough;
    private final String topic;
    private final int maxRecords;
    private final long maxBytes;

    /**
     * @param maxRecords most records one replay reads; a longer range is a {@code too_far_behind}
     *     gap
     * @param maxBytes most value bytes one replay holds, for the same gap: the replay is held in
     *     memory until the client's socket takes it
     */
    public Replayer(
            String bootstrapServers,
            Map<String, String> passThrough,
            String topic,
            int maxRecords,
            long maxBytes) {
        this.bootstrapServers = bootstrapServers;
        this.passThrough = Map.copyOf(passThrough);
        this.topic = topic;
        this.maxRecords = maxRecords;
        this.maxBytes = maxBytes;
    }

    /**
     * @param token last offset the client received, per partition; a partition it does not name was
     *     added to the topic after it, so the client has none of its records yet
     * @param until the live position (next offset) per partition; replay stops before it
     */
    public Replay read(Map<Integer, Long> token, Map<Integer, Long> until) {
        Map<Integer, Long> from = new HashMap<>(token);
        until.keySet().forEach(p -> from.putIfAbsent(p, -1L));
        long[] position = new long[until.size()];
        until.forEach((p, next) -> position[p] = next - 1);
        List<Replay.Gap> gaps = new ArrayList<>();
        Map<TopicPartition, Long> starts = new HashMap<>();
        from.forEach(
                (p, last) -> {
                    if (until.containsKey(p) && last + 1 < until.get(p)) {
                        starts.put(new TopicPartition(topic, p), last + 1);
                        position[p] = last;
                    }
                });
        if (starts.isEmpty()) {
            return new Replay(List.of(), gaps);
        }
        try (KafkaConsumer<String, String> c =
                new KafkaConsumer<>(
                        TopicTail.consumerConfig(bootstrapServers, passThrough),
                        new StringDeserializer(),
                        new StringDeserializer())) {
            c.assign(starts.keySet());
            Map<TopicPartition, Long> earliest = c.beginningOffsets(starts.keySet());
            long total = 0;
            for (Map.Entry<TopicPartition, Long> e : starts.entrySet()) {
                int p = e.getKey().partition();
                long start = Math.max(e.getValue(), earliest.get(e.getKey()));
                if (start > e.getValue()) {
                    position[p] = start - 1;
                    gaps.add(gap("retention", p, e.getValue(), start, position));
                }
                total += until.get(p) - start;
                c.seek(e.getKey(), start);
            }
            List<TailRecord> records = total > maxRecords ? null : poll(c, until, position);
            if (records == null) {
                until.forEach((p, next) -> position[p] = next - 1);
                gaps.add(gap("too_far_behind", -1, -1, -1, position));
                return new Replay(List.of(), gaps);
            }
            if (!c.assignment().isEmpty()) {
                // The broker did not serve the whole range in time: say so, never skip silently.
                until.forEach((p, next) -> position[p] = next - 1);
                gaps.add(gap("replay_timeout", -1, -1, -1, position));
            }
            return new Replay(records, gaps);
        }
    }

    /** The records up to {@code until}; null when they hold more than {@code maxBytes}. */
    private List<TailRecord> poll(
            KafkaConsumer<String, String> c, Map<Integer, Long> until, long[] position) {
        List<ConsumerRecord<String, String>> got = new ArrayList<>();
        long bytes = 0;
        long deadline = System.currentTimeMillis() + DEADLINE_MS;
        while (!c.assignment().isEmpty() && System.currentTimeMillis() < deadline) {
            for (ConsumerRecord<String, String> r : c.poll(POLL)) {
                if (r.offset() < until.get(r.partition())) {
                    got.add(r);
                    bytes += Math.max(0, r.serializedValueSize());
                }
            }
            if (bytes > maxBytes) {
                return null;
            }
            List<TopicPartition> done = new ArrayList<>();
            for (TopicPartition tp : c.assignment()) {
                if (c.position(tp) >= until.get(tp.partition())) {
                    done.add(tp);
                }
            }
            List<TopicPartition> left = new ArrayList<>(c.assignment());
            left.removeAll(done);
            c.assign(left);
        }
        // Offset order within each partition keeps every token ahead of the previous one.
        got.sort(
                Comparator.comparingInt((ConsumerRecord<String, String> r) -> r.partition())
                        .thenComparingLong(ConsumerRecord::offset));
        List<TailRecord> out = new ArrayList<>(got.size());
        for (ConsumerRecord<String, String> r : got) {
            position[r.partition()] = r.offset();
            out.add(TailRecord.of(r, position));
        }
        return out;
    }

    private static Replay.Gap gap(
            String reason, int partition, long requested, long resumed, long[] position) {
        return new Replay.Gap(reason, partition, requested, resumed, ResumeToken.format(position));
    }
}
