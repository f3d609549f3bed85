package org.livepeer.analytics.processor.sink.clickhouse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * One hour of one rollup whose source rows were written but which is not recomputed yet: the sink's
 * checkpointed state, so a restore recomputes what the stopped writer still owed.
 *
 * @param rollup the rollup table
 * @param hourStartSeconds the hour's start, Unix seconds
 */
record RollupHour(String rollup, long hourStartSeconds) implements Comparable<RollupHour> {

    @Override
    public int compareTo(RollupHour o) {
        int byRollup = rollup.compareTo(o.rollup);
        return byRollup != 0 ? byRollup : Long.compare(hourStartSeconds, o.hourStartSeconds);
    }

    /** Version 1: the table's name (modified UTF-8) and the hour as a long. */
    static final class Serializer implements SimpleVersionedSerializer<RollupHour> {

        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(RollupHour hour) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeUTF(hour.rollup);
                out.writeLong(hour.hourStartSeconds);
            }
            return bytes.toByteArray();
        }

        @Override
        public RollupHour deserialize(int version, byte[] serialized) throws IOException {
            if (version != 1) {
                throw new IOException("unknown RollupHour state version " + version);
            }
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
                return new RollupHour(in.readUTF(), in.readLong());
            }
        }
    }
}
