package io.dmpilot.rules.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One account's keyword rules, compiled: every keyword and exclusion of every rule in one automaton, rules
 * ranked by priority. A message is scanned once; only the rules one of its keywords points at are checked
 * (plus the account's regular expressions, which no automaton can share), highest priority first.
 */
public final class KeywordBook {
    public static final KeywordBook EMPTY = of(List.of());

    private final KeywordAutomaton automaton;
    private final CompiledRule[] ranked;
    private final int[][] rulesByPattern; // pattern id → ranks of the rules it can trigger
    private final Map<String, BitSet> exactRules;
    private final BitSet regexRules = new BitSet();

    private KeywordBook(List<KeywordRuleSpec> specs) {
        List<KeywordRuleSpec> sorted = new ArrayList<>(specs);
        sorted.sort(
                Comparator.comparingInt(KeywordRuleSpec::priority).reversed().thenComparing(KeywordRuleSpec::id));
        Map<String, Integer> ids = new LinkedHashMap<>();
        ranked = new CompiledRule[sorted.size()];
        exactRules = new HashMap<>();
        for (int rank = 0; rank < ranked.length; rank++) {
            ranked[rank] = compile(sorted.get(rank), ids, rank);
        }
        List<String> patterns = List.copyOf(ids.keySet());
        automaton = KeywordAutomaton.of(patterns);
        rulesByPattern = new int[patterns.size()][];
        for (int rank = 0; rank < ranked.length; rank++) {
            if (ranked[rank].spec.mode() == MatchMode.EXACT || ranked[rank].spec.mode() == MatchMode.REGEX) continue;
            for (int id : ranked[rank].keywordIds) {
                int[] old = rulesByPattern[id];
                int[] ranks = old == null ? new int[1] : Arrays.copyOf(old, old.length + 1);
                ranks[ranks.length - 1] = rank;
                rulesByPattern[id] = ranks;
            }
        }
    }

    public static KeywordBook of(List<KeywordRuleSpec> specs) {
        return new KeywordBook(specs);
    }

    public int size() {
        return ranked.length;
    }

    /** The highest-priority rule the message satisfies and none of whose exclusions it contains. */
    public Optional<KeywordHit> match(String text) {
        NormalizedMessage message = NormalizedMessage.of(text);
        BitSet found = automaton.find(message.compact());
        BitSet candidates = (BitSet) regexRules.clone();
        for (int id = found.nextSetBit(0); id >= 0; id = found.nextSetBit(id + 1)) {
            if (rulesByPattern[id] != null) for (int rank : rulesByPattern[id]) candidates.set(rank);
        }
        BitSet exact = exactRules.get(message.compact());
        if (exact != null) candidates.or(exact);
        for (int rank = candidates.nextSetBit(0); rank >= 0; rank = candidates.nextSetBit(rank + 1)) {
            CompiledRule rule = ranked[rank];
            if (rule.excluded(found)) continue;
            Optional<List<String>> matched = rule.matches(message, found);
            if (matched.isPresent()) return Optional.of(new KeywordHit(rule.spec, matched.get()));
        }
        return Optional.empty();
    }

    private CompiledRule compile(KeywordRuleSpec spec, Map<String, Integer> ids, int rank) {
        Pattern regex = null;
        if (spec.mode() == MatchMode.REGEX) {
            regex = regex(spec.keywords().get(0));
            if (regex != null) regexRules.set(rank);
        }
        if (spec.mode() == MatchMode.EXACT) {
            spec.keywords()
                    .forEach(k -> exactRules
                            .computeIfAbsent(NormalizedMessage.keyword(k), x -> new BitSet())
                            .set(rank));
        }
        int[] keywordIds = spec.mode() == MatchMode.REGEX ? new int[0] : intern(spec.keywords(), ids);
        return new CompiledRule(spec, keywordIds, intern(spec.exclusions(), ids), regex);
    }

    /** Keyword i of a rule has id ids[i]: matched keywords are reported as the operator wrote them. */
    private static int[] intern(List<String> words, Map<String, Integer> ids) {
        return words.stream()
                .map(NormalizedMessage::keyword)
                .mapToInt(w -> ids.computeIfAbsent(w, x -> ids.size()))
                .toArray();
    }

    /** Validated at the API; a stored expression that no longer compiles disables its rule, not the account. */
    private static Pattern regex(String expression) {
        try {
            return Pattern.compile(expression, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        } catch (PatternSyntaxException e) {
            return null;
        }
    }

    public record KeywordHit(KeywordRuleSpec rule, List<String> matchedKeywords) {}

    private record CompiledRule(KeywordRuleSpec spec, int[] keywordIds, int[] exclusionIds, Pattern regex) {
        boolean excluded(BitSet found) {
            for (int id : exclusionIds) if (found.get(id)) return true;
            return false;
        }

        Optional<List<String>> matches(NormalizedMessage message, BitSet found) {
            return switch (spec.mode()) {
                case EXACT -> Optional.of(List.of(message.compact()));
                case REGEX -> regexMatch(message);
                case ALL_OF -> allOf(found);
                case CONTAINS, ANY_OF -> Optional.of(present(found));
            };
        }

        private Optional<List<String>> regexMatch(NormalizedMessage message) {
            var m = regex.matcher(message.folded());
            return m.find() ? Optional.of(List.of(m.group())) : Optional.empty();
        }

        private Optional<List<String>> allOf(BitSet found) {
            for (int id : keywordIds) if (!found.get(id)) return Optional.empty();
            return Optional.of(present(found));
        }

        private List<String> present(BitSet found) {
            List<String> out = new ArrayList<>(2);
            List<String> words = spec.keywords();
            for (int i = 0; i < keywordIds.length && i < words.size(); i++) {
                if (found.get(keywordIds[i])) out.add(words.get(i));
            }
            return out;
        }
    }
}
