package io.dmpilot.analytics.keywords;

import java.util.Comparator;
import java.util.List;

/**
 * Word frequencies of a period and how they changed against a comparison period: the "keyword cloud
 * change" operators review. Change is in raw counts; equal-length periods (the default) keep it fair.
 *
 * @param top the most frequent words of the period
 * @param rising words counted more often than in the comparison period, largest increase first
 * @param falling words counted less often, largest decrease first
 * @param ruleKeywords how often each rule keyword triggered a reply in the period, most frequent first
 */
public record KeywordReport(
        String accountOpenId,
        String from,
        String to,
        String compareFrom,
        String compareTo,
        List<WordTrend> top,
        List<WordTrend> rising,
        List<WordTrend> falling,
        List<RuleKeyword> ruleKeywords) {

    public record WordTrend(String word, long count, long previousCount, long change) {
        public WordTrend(String word, long count, long previousCount) {
            this(word, count, previousCount, count - previousCount);
        }
    }

    public record RuleKeyword(String ruleId, String keyword, long count) {}

    /** Ties broken by the word, so the order is stable. */
    public static List<WordTrend> top(List<WordTrend> words, int limit) {
        return words.stream()
                .filter(w -> w.count() > 0)
                .sorted(Comparator.comparingLong(WordTrend::count).reversed().thenComparing(WordTrend::word))
                .limit(limit)
                .toList();
    }

    public static List<WordTrend> rising(List<WordTrend> words, int limit) {
        return words.stream()
                .filter(w -> w.change() > 0)
                .sorted(Comparator.comparingLong(WordTrend::change).reversed().thenComparing(WordTrend::word))
                .limit(limit)
                .toList();
    }

    public static List<WordTrend> falling(List<WordTrend> words, int limit) {
        return words.stream()
                .filter(w -> w.change() < 0)
                .sorted(Comparator.comparingLong(WordTrend::change).thenComparing(WordTrend::word))
                .limit(limit)
                .toList();
    }
}
