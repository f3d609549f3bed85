package org.livepeer.analytics.sse.source;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one consumer of a topic per instance. It reads every partition from the end (no consumer
 * group: each instance fans out everything) on its own thread, stamps each record with its resume
 * token and hands each batch to its {@link Sink}, which fans it out to every event loop; it polls
 * again only once the sink reports the batch dispatched, so busy event loops slow the consumer
 * instead of growing a queue. Slow clients never slow it: they are dropped by the fan-out.
 */
public final class TopicTail implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TopicTail.class);
    private static final Duration POLL = Duration.ofMillis(100);

    private final String topic;
    private final Map<String, Object> consumerConfig;
    private final Sink sink;
    private final Semaphore inFlight = new Semaphore(1);
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean ready;
    private volatile KafkaConsumer<String, String> consumer;

    /** Last handed-out offset per partition; touched on the tail thread only. */
    private long[] lastOffsets = new long[0];

    public TopicTail(String bootstrapServers, String topic, Sink sink) {
        this.topic = topic;
        this.consumerConfig = consumerConfig(bootstrapServers);
        this.sink = sink;
        this.thread = new Thread(this::run, "sse-tail-" + topic);
        this.thread.setDaemon(true);
    }

    static Map<String, Object> consumerConfig(String bootstrapServers) {
        Map<String, Object> c = new HashMap<>();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // A missing topic must not be created here with the broker's default partition count.
        c.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        c.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
        // Live delivery: do not let the broker hold an empty fetch for the default 500 ms.
        c.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20);
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

    private boolean assign(KafkaConsumer<String, String> c) {
        List<PartitionInfo> infos = c.partitionsFor(topic);
        if (infos == null || infos.isEmpty()) {
            LOG.info("topic {} does not exist yet; waiting for it", topic);
            pause(1_000);
            return false;
        }
        List<TopicPartition> partitions = new ArrayList<>();
        for (int p = 0; p < infos.size(); p++) {
            partitions.add(new TopicPartition(topic, p));
        }
        c.assign(partitions);
        c.seekToEnd(partitions);
        long[] start = new long[partitions.size()];
        for (TopicPartition tp : partitions) {
            start[tp.partition()] = c.position(tp) - 1;
        }
        lastOffsets = start;
        sink.position(start.clone());
        ready = true;
        LOG.info("tailing {} ({} partitions) from the end", topic, partitions.size());
        return true;
    }

    private void pollLoop(KafkaConsumer<String, String> c) throws InterruptedException {
        while (running) {
            ConsumerRecords<String, String> records = c.poll(POLL);
            ready = true;
            if (records.isEmpty()) {
                continue;
            }
            List<TailRecord> batch = stamp(records);
            // One batch in flight: the next poll waits until every event loop has dispatched it.
            while (!inFlight.tryAcquire(POLL.toMillis(), TimeUnit.MILLISECONDS)) {
                if (!running) {
                    return;
                }
            }
            sink.deliver(batch, lastOffsets.clone(), inFlight::release);
        }
    }

    private List<TailRecord> stamp(ConsumerRecords<String, String> records) {
        List<TailRecord> out = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> r : records) {
            if (r.partition() >= lastOffsets.length) {
                continue;
            }
            lastOffsets[r.partition()] = r.offset();
            out.add(
                    new TailRecord(
                            r.partition(),
                            r.offset(),
                            r.timestamp(),
                            r.value() == null ? "" : r.value(),
                            ResumeToken.format(lastOffsets)));
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
