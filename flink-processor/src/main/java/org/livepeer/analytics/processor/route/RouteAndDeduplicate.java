package org.livepeer.analytics.processor.route;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.livepeer.analytics.processor.live.LiveSignal;
import org.livepeer.analytics.processor.live.SignalExtractor;
import org.livepeer.analytics.processor.row.DeadLetterCode;
import org.livepeer.analytics.processor.row.SinkRow;
import org.livepeer.analytics.processor.source.KafkaEvent;

/**
 * Routes records keyed by {@link DedupKey} (stream, else event id) and drops later copies of an
 * event id seen within the TTL. Every record, duplicate or not, gets its raw-archive row (side
 * output {@link #RAW_ARCHIVE}): the archive keeps what was received. Only the first valid copy
 * yields typed rows (main output); dropped copies are counted in the {@value #DUPLICATES_METRIC}
 * metric, not dead-lettered. Records that become dead letters (side output {@link #DEAD_LETTERS})
 * are never dropped and mark no id as seen.
 *
 * <p>When live signals are on, every record that is not a dropped copy also yields its {@link
 * LiveSignal} (side output {@link #LIVE_SIGNALS}), made from the same parse: a retried event counts
 * once in the live windows, as in the tables, and a dead letter counts as invalid traffic. Keyed by
 * stream, a stream's signals leave one subtask in Kafka order, as its per-stream state needs.
 *
 * <p>The seen ids are a map per key (event id → seen), each entry with its own TTL; with the
 * RocksDB backend they live on disk, are checkpointed incrementally and expire in RocksDB's
 * compactions (docs/decisions/0005).
 */
public final class RouteAndDeduplicate extends KeyedProcessFunction<String, KafkaEvent, SinkRow> {

    private static final long serialVersionUID = 1L;

    public static final String DUPLICATES_METRIC = "duplicatesDropped";

    /**
     * Dead letters written, in a metric group {@code error_type=<code>} per {@link DeadLetterCode}.
     */
    public static final String DEAD_LETTERS_METRIC = "deadLetters";

    public static final OutputTag<SinkRow> RAW_ARCHIVE = new OutputTag<>("raw-archive") {};
    public static final OutputTag<SinkRow> DEAD_LETTERS = new OutputTag<>("dead-letters") {};
    public static final OutputTag<LiveSignal> LIVE_SIGNALS = new OutputTag<>("live-signals") {};

    /**
     * The seen ids. Named apart from the {@code seen-event-id} value state that the versions keyed
     * by event id kept: a checkpoint of those restores, and this state starts empty.
     */
    private static final String SEEN_IDS_STATE = "seen-event-ids";

    /** Entries the compaction filter processes before it re-reads the current time. */
    private static final long TTL_COMPACTION_QUERY_INTERVAL = 1000;

    private final EventRouter router = new EventRouter();
    private final Duration ttl;
    private final boolean liveSignals;

    private transient MapState<String, Boolean> seenIds;
    private transient Counter duplicatesDropped;
    private transient Map<DeadLetterCode, Counter> deadLettersByClass;

    /**
     * @param ttl how long an event id is remembered
     * @param liveSignals whether to emit {@link #LIVE_SIGNALS}
     */
    public RouteAndDeduplicate(Duration ttl, boolean liveSignals) {
        this.ttl = ttl;
        this.liveSignals = liveSignals;
    }

    @Override
    public void open(OpenContext openContext) {
        MapStateDescriptor<String, Boolean> descriptor =
                new MapStateDescriptor<>(SEEN_IDS_STATE, Types.STRING, Types.BOOLEAN);
        // TTL from the first sighting: a copy arriving a day later is a replay the tables'
        // ReplacingMergeTree keys collapse instead.
        descriptor.enableTimeToLive(
                StateTtlConfig.newBuilder(ttl)
                        .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                        .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                        .cleanupFullSnapshot()
                        .cleanupInRocksdbCompactFilter(TTL_COMPACTION_QUERY_INTERVAL)
                        .build());
        seenIds = getRuntimeContext().getMapState(descriptor);
        duplicatesDropped = getRuntimeContext().getMetricGroup().counter(DUPLICATES_METRIC);
        deadLettersByClass = new EnumMap<>(DeadLetterCode.class);
    }

    @Override
    public void processElement(KafkaEvent event, Context ctx, Collector<SinkRow> out)
            throws Exception {
        long nowMs = System.currentTimeMillis();
        Routed routed = router.route(event, nowMs);
        ctx.output(RAW_ARCHIVE, routed.raw());
        // Only valid events are deduplicated: a dead letter always reaches the DLQ table, even
        // when its bytes carry the id of an event seen before (e.g. two events concatenated).
        if (routed.deadLetter() != null) {
            ctx.output(DEAD_LETTERS, routed.deadLetter());
            deadLetters(routed.errorType()).inc();
        } else if (firstCopy(routed.envelope().id())) {
            for (SinkRow row : routed.typed()) {
                out.collect(row);
            }
        } else {
            duplicatesDropped.inc();
            return;
        }
        if (liveSignals) {
            ctx.output(
                    LIVE_SIGNALS,
                    SignalExtractor.signal(routed.envelope(), routed.firstRow(), nowMs));
        }
    }

    /** Whether {@code eventId} is new under the current key, remembering it if so. */
    private boolean firstCopy(String eventId) throws Exception {
        if (seenIds.contains(eventId)) {
            return false;
        }
        seenIds.put(eventId, Boolean.TRUE);
        return true;
    }

    /** The counter of an error type; the types are a closed set, so the labels stay few. */
    private Counter deadLetters(DeadLetterCode errorType) {
        return deadLettersByClass.computeIfAbsent(
                errorType,
                c ->
                        getRuntimeContext()
                                .getMetricGroup()
                                .addGroup("error_type", c.code())
                                .counter(DEAD_LETTERS_METRIC));
    }
}
