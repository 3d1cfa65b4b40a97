package io.dmpilot.sim;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** The messages the platform accepted, in arrival order: the latest 100,000, so a long load run fits in memory. */
@ApplicationScoped
public class SendLog {
    static final int CAPACITY = 100_000;
    private final Queue<SentMessage> sent = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final Queue<Long> programmedErrors = new ConcurrentLinkedQueue<>();
    private final List<SendListener> listeners = new CopyOnWriteArrayList<>();

    /** Told of each accepted send as it arrives, with a monotonic clock reading for latency. */
    public interface SendListener {
        void sent(SentMessage message, long arrivedNanoTime);
    }

    void add(SentMessage message) {
        long arrived = System.nanoTime();
        sent.add(message);
        if (size.incrementAndGet() > CAPACITY && sent.poll() != null) size.decrementAndGet();
        listeners.forEach(listener -> listener.sent(message, arrived));
    }

    /** Listens until the returned handle is closed. */
    public AutoCloseable listen(SendListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public List<SentMessage> all() {
        return List.copyOf(sent);
    }

    public List<SentMessage> of(String conversationId) {
        return sent.stream()
                .filter(m -> m.conversationId().equals(conversationId))
                .toList();
    }

    void clear() {
        sent.clear();
        size.set(0);
    }

    /** The next sends are refused with these platform codes, one each, in order. */
    void failNext(List<Long> codes) {
        programmedErrors.addAll(codes);
    }

    Long nextError() {
        return programmedErrors.poll();
    }
}
