package io.dmpilot.sim.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessageCorpusTest {
    @ParameterizedTest(name = "percentile {0} is {1}")
    @CsvSource({
        "0, PRODUCT_INQUIRY",
        "39, PRODUCT_INQUIRY",
        "40, AFTER_SALES",
        "59, AFTER_SALES",
        "60, GREETING",
        "75, PARAPHRASE",
        "87, CHIT_CHAT",
        "95, BANNED_WORDS",
        "99, BANNED_WORDS"
    })
    void kindsFollowTheSeedsProportions(int percentile, MessageCorpus.Kind kind) {
        assertEquals(kind, MessageCorpus.kindOf(percentile));
    }

    @Test
    void weightsAddUpToAHundred() {
        int total = 0;
        for (MessageCorpus.Kind kind : MessageCorpus.Kind.values()) total += kind.weight;
        assertEquals(100, total);
        assertThrows(IllegalArgumentException.class, () -> MessageCorpus.kindOf(100));
    }

    @Test
    void theSameSeedGivesTheSameMessage() {
        for (long seed = 0; seed < 200; seed++) {
            assertEquals(
                    MessageCorpus.pick(new SplittableRandom(seed)), MessageCorpus.pick(new SplittableRandom(seed)));
        }
    }

    @Test
    void aLongRunDrawsEveryKindInRoughlyItsShare() {
        Map<MessageCorpus.Kind, Integer> seen = new EnumMap<>(MessageCorpus.Kind.class);
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 10_000; i++) {
            seen.merge(MessageCorpus.kindOf(random.nextInt(100)), 1, Integer::sum);
        }
        for (MessageCorpus.Kind kind : MessageCorpus.Kind.values()) {
            int expected = kind.weight * 100;
            assertTrue(Math.abs(seen.get(kind) - expected) < expected / 4 + 50, kind + " " + seen.get(kind));
        }
    }

    @Test
    void everyMessageIsChineseTextAUserCouldSend() {
        SplittableRandom random = new SplittableRandom(3);
        for (MessageCorpus.Kind kind : MessageCorpus.Kind.values()) {
            String text = MessageCorpus.pick(kind, random);
            assertFalse(text.isBlank());
            assertTrue(text.length() <= 50, text);
        }
    }
}
