package org.livepeer.analytics.sse.source;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetOutOfRangeException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one consumer of a topic per instance. It reads every partition (no consumer group: each
 * instance fans out everything) on its own thread, stamps each record with its resume token and
 * hands each batch to its {@link Sink}, which fans it out to every event loop; it polls again only
 * once the sink reports the batch dispatched, so busy event loops slow the consumer instead of
 * growing a queue. Slow clients never slow it: they are dropped by the fan-out.
 *
 * <p>It starts at the end of the topic. From then on it never jumps: a new consumer (after an
 * error) resumes after the last record handed out, partitions added to the topic are read from
 * their beginning, and where records it had not read yet are gone (deleted by retention) it
 * continues at the earliest one left and hands the sink a {@link Replay.Gap} saying what was
 * skipped (docs/live-metrics.md, "Gaps in the live stream").
 */
public final class TopicTail implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TopicTail.class);
    private static final Duration POLL = Duration.ofMillis(100);

    private final String topic;
    private final Map<String, Object> consumerConfig;
    private final long partitionRefreshMs;
    private final Sink sink;
    private final Semaphore inFlight = new Semaphore(1);
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean ready;
    private volatile KafkaConsumer<String, String> consumer;

    /**
     * Last handed-out offset per partition (one before the next to read); empty until the first
     * assignment. Touched on the tail thread only.
     */
    private long[] lastOffsets = new long[0];

    private long nextPartitionCheckMs;

    /**
     * @param passThrough consumer properties from {@code KAFKA_CONSUMER_*} (docs/configuration.md)
     * @param partitionRefreshMs how often the partition count is checked, so added partitions are
     *     read without a restart
     */
    public TopicTail(
            String bootstrapServers,
            Map<String, String> passThrough,
            String topic,
            long partitionRefreshMs,
            Sink sink) {
        this.topic = topic;
        this.partitionRefreshMs = partitionRefreshMs;
        this.consumerConfig = consumerConfig(bootstrapServers, passThrough);
        // Out of range must be an error, not a silent jump to the end: it becomes a gap event.
        this.consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        // partitionsFor() answers from the cached metadata, which is refreshed this often.
        this.consumerConfig.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, partitionRefreshMs);
        this.sink = sink;
        this.thread = new Thread(this::run, "sse-tail-" + topic);
        this.thread.setDaemon(true);
    }

    /**
     * The consumer settings of the tails and the replays: our defaults, then the pass-through
     * properties, then what the tail relies on (SseConfig refuses pass-through keys for those).
     */
    static Map<String, Object> consumerConfig(
            String bootstrapServers, Map<String, String> passThrough) {
        Map<String, Object> c = new HashMap<>();
        c.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
        // Live delivery: do not let the broker hold an empty fetch for the default 500 ms.
        c.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20);
        c.putAll(passThrough);
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // A missing topic must not be created here with the broker's default partition count.
        c.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        return c;
    }

    public void start() {
        thread.start();
    }

    public String topic() {
        return topic;
    }

    /** True once every partition is assigned and the last poll succeeded. */
    public boolean ready() {
        return ready;
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, String> c =
                    new KafkaConsumer<>(
                            consumerConfig, new StringDeserializer(), new StringDeserializer())) {
                consumer = c;
                if (assign(c)) {
                    pollLoop(c);
                }
            } catch (WakeupException e) {
                // close() was called.
            } catch (RuntimeException e) {
                ready = false;
                if (!running) {
                    return;
                }
                LOG.warn("consumer of {} failed, retrying: {}", topic, e.toString());
                pause(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Assigns every partition the topic has now, each where the tail left it. */
    private boolean assign(KafkaConsumer<String, String> c) {
        int count = partitionCount(c);
        if (count == 0) {
            LOG.info("topic {} does not exist yet; waiting for it", topic);
            pause(1_000);
            return false;
        }
        boolean resuming = lastOffsets.length > 0;
        assignFrom(c, count);
        ready = true;
        LOG.info(
                "tailing {} ({} partitions) {}",
                topic,
                count,
                resuming ? "after the last record handed out" : "from the end");
        return true;
    }

    private int partitionCount(KafkaConsumer<String, String> c) {
        List<PartitionInfo> infos = c.partitionsFor(topic);
        return infos == null ? 0 : infos.size();
    }

    /**
     * Assigns partitions {@code 0..count-1}: the known ones after their last handed-out offset, new
     * ones from their beginning, or every one from the end on the first assignment.
     */
    private void assignFrom(KafkaConsumer<String, String> c, int count) {
        // Fewer than before only if the topic was re-created: the rest is then out of range.
        int known = Math.min(lastOffsets.length, count);
        List<TopicPartition> partitions = new ArrayList<>();
        List<TopicPartition> added = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            TopicPartition tp = new TopicPartition(topic, p);
            partitions.add(tp);
            if (p >= known) {
                added.add(tp);
            }
        }
        c.assign(partitions);
        for (int p = 0; p < known; p++) {
            c.seek(partitions.get(p), lastOffsets[p] + 1);
        }
        // Never with an empty list: that would seek every assigned partition.
        if (known == 0) {
            c.seekToEnd(added);
        } else if (!added.isEmpty()) {
            c.seekToBeginning(added);
        }
        long[] next = Arrays.copyOf(lastOffsets, count);
        for (TopicPartition tp : added) {
            next[tp.partition()] = c.position(tp) - 1;
        }
        lastOffsets = next;
        sink.position(next.clone());
        nextPartitionCheckMs = System.currentTimeMillis() + partitionRefreshMs;
    }

    private void pollLoop(KafkaConsumer<String, String> c) throws InterruptedException {
        while (running) {
            // Before the poll: re-assigning seeks to the last handed-out offsets.
            followNewPartitions(c);
            ConsumerRecords<String, String> records;
            try {
                records = c.poll(POLL);
            } catch (OffsetOutOfRangeException e) {
                skipToWhatIsLeft(c, e.offsetOutOfRangePartitions().keySet());
                continue;
            }
            ready = true;
            if (records.isEmpty()) {
                continue;
            }
            List<TailRecord> batch = stamp(records);
            // One batch in flight: the next poll waits until every event loop has dispatched it.
            if (!acquire()) {
                return;
            }
            sink.deliver(batch, lastOffsets.clone(), inFlight::release);
        }
    }

    /** Waits until the batch in flight is dispatched; false when the tail is closing. */
    private boolean acquire() throws InterruptedException {
        while (!inFlight.tryAcquire(POLL.toMillis(), TimeUnit.MILLISECONDS)) {
            if (!running) {
                return false;
            }
        }
        return true;
    }

    private void followNewPartitions(KafkaConsumer<String, String> c) {
        if (System.currentTimeMillis() < nextPartitionCheckMs) {
            return;
        }
        nextPartitionCheckMs = System.currentTimeMillis() + partitionRefreshMs;
        int count = partitionCount(c);
        if (count > lastOffsets.length) {
            LOG.info(
                    "topic {} grew from {} to {} partitions; reading the new ones from their"
                            + " beginning",
                    topic,
                    lastOffsets.length,
                    count);
            assignFrom(c, count);
        }
    }

    /**
     * The next offset of {@code partitions} is no longer in the log: continue at the nearest one
     * that is, and report the records that were skipped.
     */
    private void skipToWhatIsLeft(KafkaConsumer<String, String> c, Set<TopicPartition> partitions)
            throws InterruptedException {
        Map<TopicPartition, Long> earliest = c.beginningOffsets(partitions);
        Map<TopicPartition, Long> end = c.endOffsets(partitions);
        for (TopicPartition tp : partitions) {
            int p = tp.partition();
            long requested = lastOffsets[p] + 1;
            long resumed = Math.min(Math.max(requested, earliest.get(tp)), end.get(tp));
            c.seek(tp, resumed);
            if (resumed == requested) {
                continue;
            }
            String reason = resumed > requested ? "retention" : "truncated";
            LOG.warn(
                    "{} partition {}: offset {} is gone ({}); continuing at {}",
                    topic,
                    p,
                    requested,
                    reason,
                    resumed);
            lastOffsets[p] = resumed - 1;
            // In order with the batches: after the one in flight, before the next.
            if (!acquire()) {
                return;
            }
            long[] position = lastOffsets.clone();
            sink.gap(
                    new Replay.Gap(reason, p, requested, resumed, ResumeToken.format(position)),
                    position,
                    inFlight::release);
        }
    }

    private List<TailRecord> stamp(ConsumerRecords<String, String> records) {
        List<TailRecord> out = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> r : records) {
            if (r.partition() >= lastOffsets.length) {
                continue;
            }
            lastOffsets[r.partition()] = r.offset();
            out.add(TailRecord.of(r, lastOffsets));
        }
        return out;
    }

    /** Where the batches go; called on the tail thread, so it must only hand work off. */
    public interface Sink {

        /**
         * The consumer was (re)assigned: the last offset per partition before the live messages.
         */
        void position(long[] lastOffsets);

        /**
         * A batch of records in partition order, and the last offset per partition after it. The
         * sink calls {@code done} once the batch is dispatched; the tail polls again only then.
         */
        void deliver(List<TailRecord> batch, long[] lastOffsets, Runnable done);

        /**
         * Records of one partition were skipped (see {@link Replay.Gap}); {@code lastOffsets} is
         * the position after the gap. Called in order with the batches; the sink calls {@code done}
         * once the gap is dispatched.
         */
        void gap(Replay.Gap gap, long[] lastOffsets, Runnable done);
    }

    private void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        ready = false;
        KafkaConsumer<String, String> c = consumer;
        if (c != null) {
            // wakeup(), not interrupt(): an interrupted consumer logs a stack trace on close.
            c.wakeup();
        }
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
