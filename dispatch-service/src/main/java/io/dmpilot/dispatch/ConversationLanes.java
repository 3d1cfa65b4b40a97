package io.dmpilot.dispatch;

import io.smallrye.mutiny.Uni;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Replies of different conversations in flight at once, those of one conversation strictly one after the
 * other. A reply can wait seconds (typing pause, quota, platform back-off): handled one record at a time, a
 * dispatcher would send about one reply a second. At most {@code capacity} replies are in flight; the next
 * record is taken only when one finishes, so Kafka's back-pressure still holds.
 */
final class ConversationLanes {
    private final int capacity;
    private final Map<String, CompletableFuture<Void>> tails = new HashMap<>();
    private final Queue<CompletableFuture<Void>> waitingForRoom = new ArrayDeque<>();
    private int inFlight;

    ConversationLanes(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1");
        this.capacity = capacity;
    }

    /**
     * Queues {@code work} behind the conversation's earlier work. The returned Uni completes when there is room
     * for it (not when it is done); {@code work}'s own Uni reports its end, and a failure ends it like success
     * for the lane: the conversation's next reply goes on.
     */
    Uni<Void> submit(String conversation, Supplier<Uni<Void>> work) {
        return room().invoke(() -> start(conversation, work));
    }

    synchronized int inFlight() {
        return inFlight;
    }

    private synchronized Uni<Void> room() {
        if (inFlight < capacity) {
            inFlight++;
            return Uni.createFrom().voidItem();
        }
        CompletableFuture<Void> turn = new CompletableFuture<>();
        waitingForRoom.add(turn);
        return Uni.createFrom().completionStage(turn);
    }

    private void start(String conversation, Supplier<Uni<Void>> work) {
        CompletableFuture<Void> previous;
        CompletableFuture<Void> mine = new CompletableFuture<>();
        synchronized (this) {
            previous = tails.getOrDefault(conversation, CompletableFuture.completedFuture(null));
            tails.put(conversation, mine);
        }
        previous.whenComplete((x, e) ->
                run(work).subscribe().with(ok -> finish(conversation, mine), failure -> finish(conversation, mine)));
    }

    private static Uni<Void> run(Supplier<Uni<Void>> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(e);
        }
    }

    private void finish(String conversation, CompletableFuture<Void> mine) {
        CompletableFuture<Void> next;
        synchronized (this) {
            tails.remove(conversation, mine);
            next = waitingForRoom.poll();
            if (next == null) inFlight--;
        }
        mine.complete(null);
        // the freed place passes straight to the oldest waiting record
        if (next != null) next.complete(null);
    }
}
