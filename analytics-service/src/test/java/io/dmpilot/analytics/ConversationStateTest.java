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
