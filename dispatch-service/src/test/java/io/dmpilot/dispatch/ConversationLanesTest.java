package io.dmpilot.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ConversationLanesTest {
    private final List<String> started = new ArrayList<>();
    private final Map<String, CompletableFuture<Void>> running = new HashMap<>();

    /** Work that starts when the lane lets it and ends when the test says so. */
    private Uni<Void> work(String name) {
        started.add(name);
        CompletableFuture<Void> end = new CompletableFuture<>();
        running.put(name, end);
        return Uni.createFrom().completionStage(end);
    }

    @Test
    void oneConversationsRepliesGoOneAfterTheOtherInOrder() {
        ConversationLanes lanes = new ConversationLanes(10);

        for (String name : List.of("a1", "a2", "a3")) {
            lanes.submit("a", () -> work(name)).await().indefinitely();
        }

        assertEquals(List.of("a1"), started);
        running.get("a1").complete(null);
        assertEquals(List.of("a1", "a2"), started);
        running.get("a2").complete(null);
        running.get("a3").complete(null);
        assertEquals(List.of("a1", "a2", "a3"), started);
        assertEquals(0, lanes.inFlight());
    }

    @Test
    void otherConversationsDoNotWaitForASlowOne() {
        ConversationLanes lanes = new ConversationLanes(10);

        lanes.submit("a", () -> work("a1")).await().indefinitely();
        lanes.submit("b", () -> work("b1")).await().indefinitely();
        lanes.submit("c", () -> work("c1")).await().indefinitely();

        assertEquals(List.of("a1", "b1", "c1"), started);
        assertEquals(3, lanes.inFlight());
    }

    @Test
    void aFailedReplyLetsTheConversationsNextOneGo() {
        ConversationLanes lanes = new ConversationLanes(10);

        lanes.submit("a", () -> work("a1")).await().indefinitely();
        lanes.submit("a", () -> work("a2")).await().indefinitely();
        running.get("a1").completeExceptionally(new IllegalStateException("platform down"));

        assertEquals(List.of("a1", "a2"), started);
    }

    @Test
    void workThatThrowsBeforeItsUniStillFreesItsPlace() {
        ConversationLanes lanes = new ConversationLanes(1);

        lanes.submit("a", () -> {
                    throw new IllegalStateException("bad record");
                })
                .await()
                .indefinitely();

        assertEquals(0, lanes.inFlight());
        lanes.submit("a", () -> work("a2")).await().indefinitely();
        assertEquals(List.of("a2"), started);
    }

    /** Full: the next record is not taken until a place frees, so Kafka's back-pressure holds. */
    @Test
    void atCapacityTheNextRecordWaitsForAFreePlace() {
        ConversationLanes lanes = new ConversationLanes(2);
        lanes.submit("a", () -> work("a1")).await().indefinitely();
        lanes.submit("b", () -> work("b1")).await().indefinitely();

        CompletableFuture<Void> admitted = lanes.submit("c", () -> work("c1")).subscribeAsCompletionStage();

        assertFalse(admitted.isDone());
        assertEquals(List.of("a1", "b1"), started);
        running.get("b1").complete(null);
        assertTrue(admitted.isDone());
        assertEquals(List.of("a1", "b1", "c1"), started);
        assertEquals(2, lanes.inFlight());
    }
}
