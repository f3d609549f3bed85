package org.livepeer.analytics.testkit.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link FaultLoad} against a fake gateway: phases, fresh ids, refusals, a partial accept. */
class FaultLoadTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEMPLATE =
            "{\"id\":\"x\",\"type\":\"stream_trace\",\"data\":{\"stream_id\":\"s\"}}";

    /** Accepts every batch but each {@code refuseEvery}-th (503), keeping what it accepted. */
    private static final class FakeGateway implements FaultLoad.Gateway {
        private final int refuseEvery;
        private final int acceptedOf202;
        private final AtomicInteger posts;
        private final Set<String> stored;

        FakeGateway(int refuseEvery, int acceptedOf202, AtomicInteger posts, Set<String> stored) {
            this.refuseEvery = refuseEvery;
            this.acceptedOf202 = acceptedOf202;
            this.posts = posts;
            this.stored = stored;
        }

        @Override
        public FaultLoad.Answer post(String jsonArray) throws IOException {
            if (posts.incrementAndGet() % refuseEvery == 0) {
                return new FaultLoad.Answer(503, 0);
            }
            JsonNode events = JSON.readTree(jsonArray);
            for (JsonNode e : events) {
                stored.add(e.get("id").asText());
                assertTrue(e.at("/data/stream_id").asText().startsWith("p-t"), e.toString());
            }
            return new FaultLoad.Answer(202, Math.min(acceptedOf202, events.size()));
        }

        @Override
        public boolean ready() {
            return true;
        }
    }

    @Test
    void runsTheFaultAfterNAcknowledgedAndGoesOnUntilNMore() throws Exception {
        FaultLoad load = new FaultLoad(TEMPLATE, "p-");
        AtomicInteger posts = new AtomicInteger();
        Set<String> stored = ConcurrentHashMap.newKeySet();
        List<Integer> ackedAtFault = new ArrayList<>();
        int atFault =
                load.throughFault(
                        2_000,
                        () -> new FakeGateway(7, FaultLoad.BATCH, posts, stored),
                        () -> ackedAtFault.add(load.acknowledged().size()));

        assertEquals(List.of(atFault), ackedAtFault);
        assertTrue(atFault >= 2_000, "at fault " + atFault);
        assertTrue(load.acknowledged().size() >= atFault + 2_000);
        assertEquals(FaultLoad.BATCH * posts.get(), load.sent());
        assertEquals(load.sent(), load.acknowledged().size() + load.refused());
        assertTrue(load.refused() > 0, "every 7th batch is refused");
        assertTrue(stored.containsAll(load.acknowledged()));
        Set<String> prefixes = new HashSet<>();
        load.acknowledged().forEach(id -> prefixes.add(id.substring(0, id.lastIndexOf('-'))));
        assertEquals(Set.of("p-t0", "p-t1"), prefixes);
    }

    @Test
    void aPartialAcceptFailsTheLoad() {
        FaultLoad load = new FaultLoad(TEMPLATE, "p-");
        AtomicInteger posts = new AtomicInteger();
        Set<String> stored = ConcurrentHashMap.newKeySet();
        Exception e =
                assertThrows(
                        Exception.class,
                        () ->
                                load.throughFault(
                                        1_000,
                                        () -> new FakeGateway(1_000, 99, posts, stored),
                                        () -> {}));
        assertTrue(String.valueOf(e).contains("202 with 99 of 100"), String.valueOf(e));
    }

    @Test
    void theTemplateIsTheShortestEventWithAStreamId() {
        String shortNoStream = "{\"id\":\"a\",\"data\":{}}";
        String longer = "{\"id\":\"b\",\"data\":{\"stream_id\":\"s\",\"more\":1}}";
        String shorter = "{\"id\":\"c\",\"data\":{\"stream_id\":\"s\"}}";
        assertEquals(
                shorter, FaultLoad.smallestWithStreamId(List.of(shortNoStream, longer, shorter)));
    }
}
