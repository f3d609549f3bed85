package org.livepeer.analytics.processor.row;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Carries a {@link SinkRow} between tasks with its JSON as UTF-8 bytes in one block. Flink's own
 * string encoding writes a row of 1–40 KB character by character: it took a quarter of the
 * route-parse-dedup thread at 5,000 events/s (docs/benchmarks.md, "Where the processor's time
 * goes"), and its decoding almost half of the sink thread.
 */
public final class SinkRowSerializer extends TypeSerializerSingleton<SinkRow> {

    private static final long serialVersionUID = 1L;

    public static final SinkRowSerializer INSTANCE = new SinkRowSerializer();

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public SinkRow createInstance() {
        return new SinkRow();
    }

    @Override
    public SinkRow copy(SinkRow from) {
        return new SinkRow(
                from.table, from.json, from.kafkaTopic, from.kafkaPartition, from.kafkaOffset);
    }

    @Override
    public SinkRow copy(SinkRow from, SinkRow reuse) {
        return copy(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(SinkRow row, DataOutputView target) throws IOException {
        target.writeUTF(row.table);
        byte[] json = row.json.getBytes(StandardCharsets.UTF_8);
        target.writeInt(json.length);
        target.write(json);
        target.writeUTF(row.kafkaTopic);
        target.writeInt(row.kafkaPartition);
        target.writeLong(row.kafkaOffset);
    }

    @Override
    public SinkRow deserialize(DataInputView source) throws IOException {
        String table = source.readUTF();
        byte[] json = new byte[source.readInt()];
        source.readFully(json);
        return new SinkRow(
                table,
                new String(json, StandardCharsets.UTF_8),
                source.readUTF(),
                source.readInt(),
                source.readLong());
    }

    @Override
    public SinkRow deserialize(SinkRow reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        target.writeUTF(source.readUTF());
        int length = source.readInt();
        target.writeInt(length);
        target.write(source, length);
        target.writeUTF(source.readUTF());
        target.writeInt(source.readInt());
        target.writeLong(source.readLong());
    }

    @Override
    public TypeSerializerSnapshot<SinkRow> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Rows are never kept in state; the snapshot exists because Flink asks every serializer. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<SinkRow> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
