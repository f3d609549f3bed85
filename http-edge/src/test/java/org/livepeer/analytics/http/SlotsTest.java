package org.livepeer.analytics.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SlotsTest {

    @Test
    void givesOutAtMostMaxSlotsAndTakesThemBack() {
        Slots slots = new Slots(2);
        assertTrue(slots.tryAcquire());
        assertTrue(slots.tryAcquire());
        assertFalse(slots.tryAcquire());
        assertEquals(2, slots.inUse());
        slots.release();
        assertTrue(slots.tryAcquire());
        assertFalse(slots.tryAcquire());
    }

    @Test
    void theLimitHoldsWhenEventLoopsRaceForTheLastSlots() throws Exception {
        Slots slots = new Slots(1_000);
        AtomicInteger granted = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> racers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                racers.add(
                        pool.submit(
                                () -> {
                                    for (int i = 0; i < 1_000; i++) {
                                        if (slots.tryAcquire()) {
                                            granted.incrementAndGet();
                                        }
                                    }
                                }));
            }
            for (Future<?> f : racers) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1_000, granted.get());
        assertEquals(1_000, slots.inUse());
    }

    @Test
    void rejectsAZeroLimit() {
        assertThrows(IllegalArgumentException.class, () -> new Slots(0));
    }
}
