package io.dmpilot.sim.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dmpilot.contracts.Tier;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrafficShapeTest {
    private static LoadPlan plan(int accounts, int users, int advanced, int custom, int blocked, int perConversation) {
        return new LoadPlan(accounts, users, List.of(10), 1, advanced, custom, blocked, perConversation, 0, 1, 1L)
                .validated();
    }

    @ParameterizedTest(name = "{0} accounts, {1}% advanced, {2}% custom")
    @CsvSource({"100, 30, 10", "1000, 50, 20", "10000, 0, 0", "100, 0, 100", "200, 25, 25"})
    void tierMixFollowsThePlanExactlyOnWholeHundreds(int accounts, int advanced, int custom) {
        TrafficShape shape = new TrafficShape("t", plan(accounts, 1, advanced, custom, 0, 2));
        Map<Tier, Integer> count = new EnumMap<>(Tier.class);
        for (int a = 0; a < accounts; a++) count.merge(shape.tierOf(a), 1, Integer::sum);
        assertEquals(accounts * advanced / 100, count.getOrDefault(Tier.ADVANCED, 0));
        assertEquals(accounts * custom / 100, count.getOrDefault(Tier.CUSTOM, 0));
        assertEquals(accounts * (100 - advanced - custom) / 100, count.getOrDefault(Tier.BASIC, 0));
    }

    @Test
    void evenTwentyAccountsGetEveryTier() {
        TrafficShape shape = new TrafficShape("t", plan(20, 1, 30, 10, 5, 2));
        Map<Tier, Integer> count = new EnumMap<>(Tier.class);
        int banned = 0;
        for (int a = 0; a < 20; a++) {
            count.merge(shape.tierOf(a), 1, Integer::sum);
            if (shape.answersWithBannedTerm(a)) banned++;
        }
        assertEquals(3, count.size(), count.toString());
        assertTrue(banned >= 1, "at least one account whose replies compliance must block");
    }

    @Test
    void onlyBasicAccountsAnswerWithTheBannedTerm() {
        TrafficShape shape = new TrafficShape("t", plan(1000, 1, 40, 40, 30, 2));
        for (int a = 0; a < 1000; a++) {
            if (shape.answersWithBannedTerm(a)) assertEquals(Tier.BASIC, shape.tierOf(a));
        }
    }

    @ParameterizedTest(name = "{0} messages per conversation")
    @CsvSource({"1", "2", "3"})
    void noConversationGetsMoreMessagesThanPlanned(int perConversation) {
        TrafficShape shape = new TrafficShape("t", plan(7, 3, 0, 0, 0, perConversation));
        Map<String, Integer> perConv = new HashMap<>();
        for (long i = 0; i < 7 * 3 * 12; i++) {
            TrafficShape.Sender sender = shape.senderOf(i);
            perConv.merge(sender.conversationId(), 1, Integer::sum);
            assertTrue(sender.accountOpenId().startsWith("t-a"));
        }
        assertEquals(
                perConversation,
                perConv.values().stream().mapToInt(n -> n).max().orElseThrow());
        assertEquals(
                perConversation,
                perConv.values().stream().mapToInt(n -> n).min().orElseThrow());
    }

    @Test
    void aConversationsMessagesAreSpreadOverTheRunNotBackToBack() {
        TrafficShape shape = new TrafficShape("t", plan(10, 10, 0, 0, 0, 2));
        assertEquals(shape.senderOf(0), shape.senderOf(100));
        assertNotEquals(shape.senderOf(0), shape.senderOf(1));
        assertNotEquals(shape.senderOf(0).conversationId(), shape.senderOf(200).conversationId());
        assertFalse(shape.senderOf(0).userOpenId().equals(shape.senderOf(200).userOpenId()));
    }
}
