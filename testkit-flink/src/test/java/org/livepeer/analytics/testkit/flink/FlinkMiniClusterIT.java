package org.livepeer.analytics.testkit.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FlinkMiniClusterIT {
    @RegisterExtension static final MiniClusterExtension FLINK = FlinkMiniCluster.extension();

    @Test
    void runsAJobOnTheSharedCluster() throws Exception {
        assertEquals(FlinkMiniCluster.SLOTS, FLINK.getNumberSlots());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        DataStream<Integer> doubled = env.fromData(1, 2, 3, 4, 5).map(new Doubler()).name("double");
        List<Integer> out = new ArrayList<>();
        try (CloseableIterator<Integer> it = doubled.executeAndCollect("testkit-smoke")) {
            it.forEachRemaining(out::add);
        }
        out.sort(Integer::compare);
        assertEquals(List.of(2, 4, 6, 8, 10), out);
    }

    private static final class Doubler implements MapFunction<Integer, Integer> {
        @Override
        public Integer map(Integer value) {
            return value * 2;
        }
    }
}
