package io.dmpilot.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeywordAutomatonTest {
    private static final List<String> PATTERNS = List.of("价格", "多少钱", "钱", "退款", "退", "款式", "he", "she", "his", "hers");

    @ParameterizedTest
    @CsvSource({
        "这个多少钱, 多少钱|钱",
        "价格是多少, 价格",
        "我要退款, 退款|退",
        "退款式样, 退款|退|款式",
        "ushers, he|she|hers",
        "hishe, his|she|he",
        "你好, ''",
        "'', ''",
    })
    void findsEveryPatternIncludingOverlapsAndSuffixes(String text, String expected) {
        BitSet found = KeywordAutomaton.of(PATTERNS).find(text);

        Set<String> names = new TreeSet<>();
        found.stream().forEach(id -> names.add(PATTERNS.get(id)));
        Set<String> wanted = new TreeSet<>(expected.isEmpty() ? List.of() : List.of(expected.split("\\|")));
        assertEquals(wanted, names);
    }

    @Test
    void agreesWithANaiveSearchOnRandomText() {
        Random random = new Random(42);
        String alphabet = "价格多少钱退款换货ab";
        List<String> patterns = new ArrayList<>();
        for (int i = 0; i < 60; i++) patterns.add(randomText(random, alphabet, 1 + random.nextInt(4)));
        KeywordAutomaton automaton = KeywordAutomaton.of(patterns);
        for (int round = 0; round < 500; round++) {
            String text = randomText(random, alphabet, random.nextInt(30));
            BitSet naive = new BitSet();
            for (int id = 0; id < patterns.size(); id++) if (text.contains(patterns.get(id))) naive.set(id);

            assertEquals(naive, automaton.find(text), text);
        }
    }

    @Test
    void emptyPatternListMatchesNothing() {
        assertEquals(new BitSet(), KeywordAutomaton.of(List.of()).find("价格"));
    }

    private static String randomText(Random random, String alphabet, int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        return out.toString();
    }
}
