package io.dmpilot.compliance.lexicon;

import io.dmpilot.contracts.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds lexicon terms in normalized text. This first version scans term by term; the multi-pattern
 * automaton (one pass whatever the lexicon's size) replaces the loop without changing the interface.
 */
public final class LexiconMatcher {
    private final List<LexiconTerm> terms;

    public LexiconMatcher(List<LexiconTerm> terms) {
        this.terms = terms.stream()
                .map(t -> new LexiconTerm(
                        t.category(), NormalizedText.of(t.term()).text()))
                .filter(t -> !t.term().isEmpty())
                .toList();
    }

    public List<Finding> find(String original) {
        NormalizedText normalized = NormalizedText.of(original);
        String text = normalized.text();
        List<Finding> findings = new ArrayList<>();
        for (LexiconTerm term : terms) {
            int at = text.indexOf(term.term());
            while (at >= 0) {
                int last = at + term.term().length() - 1;
                findings.add(new Finding(
                        term.category(),
                        original.substring(normalized.originalStart(at), normalized.originalEnd(last)),
                        normalized.originalStart(at),
                        normalized.originalEnd(last)));
                at = text.indexOf(term.term(), at + 1);
            }
        }
        return longestFirst(findings);
    }

    /** 加微信 also contains 加微: report the longest term once, not every shorter term inside it. */
    private static List<Finding> longestFirst(List<Finding> findings) {
        findings.sort(Comparator.comparingInt(Finding::start)
                .thenComparing(Comparator.comparingInt(Finding::end).reversed()));
        List<Finding> kept = new ArrayList<>(findings.size());
        int coveredUntil = -1;
        for (Finding finding : findings) {
            if (finding.end() > coveredUntil) {
                kept.add(finding);
                coveredUntil = finding.end();
            }
        }
        return kept;
    }
}
