package io.dmpilot.sim;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * At most N requests on the wire; the rest wait their turn in arrival order. Without it an HTTP/1.1 client
 * opens one more connection for every request a slow receiver has not answered yet, until the machine runs
 * out of file descriptors (seen at 1,000 msg/s against a saturated ingest). Waiting here still counts in a
 * load run's latency, which is measured from each message's due time.
 *
 * <p>One thread at a time starts requests; a {@code done()} or {@code submit()} meanwhile, on that thread or
 * another, is picked up by it. So a request that ends as soon as it starts (a refused connection on some
 * clients) does not start the next one deeper on the same stack: 100,000 of them in a row would overflow it.
 */
public final class InFlightLimit {
    private final Semaphore permits;
    private final Queue<Runnable> waiting = new ConcurrentLinkedQueue<>();
    /** Calls of pump() not yet gone round: non-zero while a thread is starting requests. */
    private final AtomicInteger pumps = new AtomicInteger();

    public InFlightLimit(int maxInFlight) {
        this.permits = new Semaphore(maxInFlight);
    }

    /** Runs {@code start} now or when a slot frees; {@code start} must call {@link #done()} exactly once. */
    public void submit(Runnable start) {
        waiting.add(start);
        pump();
    }

    public void done() {
        permits.release();
        pump();
    }

    public int waiting() {
        return waiting.size();
    }

    private void pump() {
        if (pumps.getAndIncrement() != 0) return;
        int missed = 1;
        do {
            while (!waiting.isEmpty() && permits.tryAcquire()) {
                Runnable next = waiting.poll();
                if (next == null) {
                    permits.release();
                    break;
                }
                next.run();
            }
            missed = pumps.addAndGet(-missed);
        } while (missed != 0);
    }
}
