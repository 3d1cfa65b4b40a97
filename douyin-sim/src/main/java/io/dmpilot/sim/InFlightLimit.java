package io.dmpilot.sim;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;

/**
 * At most N requests on the wire; the rest wait their turn in arrival order. Without it an HTTP/1.1 client
 * opens one more connection for every request a slow receiver has not answered yet, until the machine runs
 * out of file descriptors (seen at 1,000 msg/s against a saturated ingest). Waiting here still counts in a
 * load run's latency, which is measured from each message's due time.
 */
public final class InFlightLimit {
    private final Semaphore permits;
    private final Queue<Runnable> waiting = new ConcurrentLinkedQueue<>();

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
        while (!waiting.isEmpty() && permits.tryAcquire()) {
            Runnable next = waiting.poll();
            if (next == null) {
                permits.release();
                return;
            }
            next.run();
        }
    }
}
