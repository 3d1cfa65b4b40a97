package io.dmpilot.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InFlightLimitTest {
    @Test
    void beyondTheLimitRequestsWaitAndStartInOrderAsSlotsFree() {
        InFlightLimit limit = new InFlightLimit(2);
        List<Integer> started = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int n = i;
            limit.submit(() -> started.add(n));
        }
        assertEquals(List.of(0, 1), started);
        assertEquals(3, limit.waiting());
        limit.done();
        assertEquals(List.of(0, 1, 2), started);
        limit.done();
        limit.done();
        assertEquals(List.of(0, 1, 2, 3, 4), started);
        assertEquals(0, limit.waiting());
    }

    @Test
    void underConcurrencyNeverMoreThanTheLimitRunAndEveryRequestRuns() throws Exception {
        InFlightLimit limit = new InFlightLimit(8);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger worst = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        int requests = 20_000;
        CountDownLatch all = new CountDownLatch(requests);
        for (int i = 0; i < requests; i++) {
            pool.execute(() -> limit.submit(() -> {
                worst.accumulateAndGet(running.incrementAndGet(), Math::max);
                // the "response" arrives on another thread, as an HTTP client's would
                pool.execute(() -> {
                    running.decrementAndGet();
                    finished.incrementAndGet();
                    all.countDown();
                    limit.done();
                });
            }));
        }
        assertEquals(true, all.await(60, TimeUnit.SECONDS), "finished " + finished.get());
        pool.shutdown();
        assertEquals(requests, finished.get());
        assertEquals(true, worst.get() <= 8, "worst " + worst.get());
    }

    @Test
    void requestsThatEndAsSoonAsTheyStartDoNotNestOnTheStack() {
        InFlightLimit limit = new InFlightLimit(1);
        int requests = 50_000;
        AtomicInteger deepest = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        // held while the queue fills, then every request ends inside its own start
        limit.submit(() -> {});
        for (int i = 0; i < requests; i++) {
            limit.submit(() -> {
                deepest.accumulateAndGet(Thread.currentThread().getStackTrace().length, Math::max);
                finished.incrementAndGet();
                limit.done();
            });
        }
        limit.done();
        assertEquals(requests, finished.get());
        assertEquals(0, limit.waiting());
        assertEquals(true, deepest.get() < 100, "stack depth " + deepest.get());
    }
}
