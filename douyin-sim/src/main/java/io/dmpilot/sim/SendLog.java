package io.dmpilot.sim;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Every message the platform accepted, in arrival order. */
@ApplicationScoped
public class SendLog {
    private final Queue<SentMessage> sent = new ConcurrentLinkedQueue<>();
    private final Queue<Long> programmedErrors = new ConcurrentLinkedQueue<>();

    void add(SentMessage message) {
        sent.add(message);
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
    }

    /** The next sends are refused with these platform codes, one each, in order. */
    void failNext(List<Long> codes) {
        programmedErrors.addAll(codes);
    }

    Long nextError() {
        return programmedErrors.poll();
    }
}
