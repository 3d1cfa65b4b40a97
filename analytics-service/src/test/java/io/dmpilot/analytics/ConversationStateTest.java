package io.dmpilot.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every ordering of the independently consumed topics must count a user reply and a conversion once. */
class ConversationStateTest {
    private static final long HOUR = 1_764_000_000_000L - Math.floorMod(1_764_000_000_000L, TimeBuckets.HOUR_MILLIS);
    private static final Dimensions DIMS = new Dimensions("PRODUCT_INQUIRY", "rule-1", "B");

    @Test
    void aUserMessageAfterASentReplyCountsAsRepliedOnceAtTheSentMessagesHour() {
        Aggregates out = new Aggregates();
        ConversationState state = ConversationState.NEW
                .userMessage("a", HOUR + 1_000, out)
                .sent("a", HOUR + 1_000, HOUR + 2_000, DIMS, out)
                .userMessage("a", HOUR + 5 * TimeBuckets.HOUR_MILLIS, out)
                .userMessage("a", HOUR + 6 * TimeBuckets.HOUR_MILLIS, out);

        assertEquals(List.of(List.of("a", HOUR, "PRODUCT_INQUIRY", "rule-1", "B", "REPLIED", 1L)), funnelRows(out));
        assertEquals(true, state.replied());
    }

    @Test
    void aUserAnswerSeenBeforeTheSendItAnswersStillCounts() {
        Aggregates out = new Aggregates();
        ConversationState.NEW
                .userMessage("a", HOUR + 1_000, out)
                .userMessage("a", HOUR + 9_000, out)
                .sent("a", HOUR + 1_000, HOUR + 2_000, DIMS, out);

        assertEquals(1, funnelRows(out).size());
    }

    @Test
    void theMessageASendAnswersIsNotItsReply() {
        Aggregates out = new Aggregates();
        ConversationState.NEW.userMessage("a", HOUR + 1_000, out).sent("a", HOUR + 1_000, HOUR + 2_000, DIMS, out);

        assertEquals(List.of(), funnelRows(out));
    }

    @Test
    void eachSentReplyCanBeAnsweredOnce() {
        Aggregates out = new Aggregates();
        ConversationState.NEW
                .sent("a", HOUR, HOUR + 1_000, DIMS, out)
                .userMessage("a", HOUR + 2_000, out)
                .sent("a", HOUR + 2_000, HOUR + 3_000, DIMS, out)
                .userMessage("a", HOUR + 4_000, out);

        assertEquals(List.of(List.of("a", HOUR, "PRODUCT_INQUIRY", "rule-1", "B", "REPLIED", 2L)), funnelRows(out));
    }

    private static final Dimensions FIRST = new Dimensions("PRODUCT_INQUIRY", "rule-1", "A");
    private static final Dimensions SECOND = new Dimensions("AFTER_SALES", "rule-2", "A");

    /** Both sends consumed before both user messages (a backlog on dm.inbound.v1): the reply still counts. */
    @Test
    void sendsSeenBeforeTheUserMessagesStillGetTheirReplies() {
        Aggregates out = new Aggregates();
        ConversationState.NEW
                .sent("a", HOUR + 1_000, HOUR + 2_400, FIRST, out)
                .sent("a", HOUR + 60_000, HOUR + 64_000, SECOND, out)
                .userMessage("a", HOUR + 1_000, out)
                .userMessage("a", HOUR + 60_000, out);

        assertEquals(List.of(List.of("a", HOUR, "PRODUCT_INQUIRY", "rule-1", "A", "REPLIED", 1L)), funnelRows(out));
    }

    @Test
    void aUserMessageAnswersTheLatestReplySentBeforeItWhateverArrivedSince() {
        Aggregates out = new Aggregates();
        ConversationState.NEW
                .sent("a", HOUR, HOUR + 1_000, FIRST, out)
                .sent("a", HOUR, HOUR + 5_000, SECOND, out)
                .userMessage("a", HOUR + 3_000, out)
                .userMessage("a", HOUR + 6_000, out)
                .userMessage("a", HOUR + 7_000, out);

        assertEquals(
                List.of(
                        List.of("a", HOUR, "AFTER_SALES", "rule-2", "A", "REPLIED", 1L),
                        List.of("a", HOUR, "PRODUCT_INQUIRY", "rule-1", "A", "REPLIED", 1L)),
                sorted(funnelRows(out)));
    }

    /** An older send arriving after a newer one is answered by a message between the two, not after both. */
    @Test
    void aLateOlderSendIsAnsweredOnlyByAMessageBeforeTheNextSend() {
        Aggregates answered = new Aggregates();
        ConversationState.NEW
                .sent("a", HOUR, HOUR + 5_000, SECOND, answered)
                .userMessage("a", HOUR + 3_000, answered)
                .sent("a", HOUR, HOUR + 1_000, FIRST, answered);
        assertEquals(
                List.of(List.of("a", HOUR, "PRODUCT_INQUIRY", "rule-1", "A", "REPLIED", 1L)), funnelRows(answered));

        Aggregates notAnswered = new Aggregates();
        ConversationState.NEW
                .sent("a", HOUR, HOUR + 5_000, SECOND, notAnswered)
                .userMessage("a", HOUR + 6_000, notAnswered)
                .sent("a", HOUR, HOUR + 1_000, FIRST, notAnswered);
        assertEquals(List.of(List.of("a", HOUR, "AFTER_SALES", "rule-2", "A", "REPLIED", 1L)), funnelRows(notAnswered));
    }

    @Test
    void onlyTheRecentSendsAndMessagesAreKept() {
        Aggregates out = new Aggregates();
        ConversationState state = ConversationState.NEW;
        for (int i = 1; i <= 20; i++) {
            state = state.sent("a", HOUR, HOUR + i * 10_000L, DIMS, out).userMessage("a", HOUR + i * 10_000L + 1, out);
        }
        assertEquals(ConversationState.KEPT, state.sends().size());
        assertEquals(ConversationState.KEPT, state.userTimes().size());
        assertEquals(HOUR + 200_000, state.lastSentAt());
        assertEquals(HOUR + 200_001, state.lastUserAt());
        assertEquals(List.of(List.of("a", HOUR, "PRODUCT_INQUIRY", "rule-1", "B", "REPLIED", 20L)), funnelRows(out));
    }

    /** A row stored before the history was kept goes on from its last send and last user message. */
    @Test
    void aStateStoredWithOnlyItsLastSendGoesOnFromIt() {
        Aggregates out = new Aggregates();
        ConversationState legacy = ConversationState.ofLast(0, HOUR + 1_000, HOUR, DIMS, false, false, "WELCOME");

        ConversationState next = legacy.userMessage("a", HOUR + 2_000, out);

        assertEquals(List.of(List.of("a", HOUR, "PRODUCT_INQUIRY", "rule-1", "B", "REPLIED", 1L)), funnelRows(out));
        assertEquals(true, next.replied());
        assertEquals("WELCOME", next.lastScenario());
    }

    private static List<List<Object>> sorted(List<List<Object>> rows) {
        return rows.stream()
                .sorted(java.util.Comparator.comparing(Object::toString))
                .toList();
    }

    @Test
    void aConversationConvertsOnceCreditedToTheLastSentReply() {
        Aggregates out = new Aggregates();
        ConversationState.NEW
                .sent("a", HOUR, HOUR + 1_000, DIMS, out)
                .conversion("a", HOUR + 3 * TimeBuckets.HOUR_MILLIS, out)
                .conversion("a", HOUR + 4 * TimeBuckets.HOUR_MILLIS, out);

        assertEquals(List.of(List.of("a", HOUR, "PRODUCT_INQUIRY", "rule-1", "B", "CONVERTED", 1L)), funnelRows(out));
    }

    @Test
    void aConversionWithoutASentReplyCountsAtItsOwnHourWithoutDimensions() {
        Aggregates out = new Aggregates();
        ConversationState.NEW.conversion("a", HOUR + 5, out);

        assertEquals(List.of(List.of("a", HOUR, "", "", "", "CONVERTED", 1L)), funnelRows(out));
    }

    @Test
    void scenariosFormTransitionsFromTheSecondOnIncludingStayingInOne() {
        Aggregates out = new Aggregates();
        ConversationState.NEW
                .scenario("a", HOUR, "WELCOME", out)
                .scenario("a", HOUR, "PRODUCT_INQUIRY", out)
                .scenario("a", HOUR, "PRODUCT_INQUIRY", out)
                .scenario("a", HOUR, "AFTER_SALES", out);

        UpsertBatch transitions = out.batches().get(0);
        assertEquals(
                List.of(
                        "a",
                        HOUR,
                        "PRODUCT_INQUIRY",
                        "AFTER_SALES",
                        1L,
                        "a",
                        HOUR,
                        "PRODUCT_INQUIRY",
                        "PRODUCT_INQUIRY",
                        1L,
                        "a",
                        HOUR,
                        "WELCOME",
                        "PRODUCT_INQUIRY",
                        1L),
                transitions.parameters());
    }

    /** The funnel batch's rows as key + count lists; empty when the funnel batch was not touched. */
    private static List<List<Object>> funnelRows(Aggregates out) {
        List<UpsertBatch> batches = out.batches();
        if (batches.isEmpty() || !batches.get(0).table().equals("funnel_count")) return List.of();
        List<Object> params = batches.get(0).parameters();
        List<List<Object>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < params.size(); i += 7) rows.add(params.subList(i, i + 7));
        return rows;
    }
}
