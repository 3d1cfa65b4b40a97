package io.dmpilot.compliance;

import io.dmpilot.compliance.lexicon.Hit;
import io.dmpilot.compliance.lexicon.LexiconTerm;
import io.dmpilot.contracts.Finding;
import io.dmpilot.contracts.LexiconCategory;
import io.dmpilot.contracts.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the findings mean for a reply. Diversion and harassment always block (外链导流 and 骚扰用户 are the
 * penalties that cost an account most); extreme advertising is rewritten when every such term has a
 * configured substitute (a replacement, or a mask), else blocked; a regulated term blocks unless the account holds the term's
 * qualification ({@code medical}, {@code finance} …, or {@code regulated} for a term filed without one), and
 * then it is no finding at all.
 */
public final class VerdictPolicy {
    public record Decision(Verdict verdict, String text, List<Finding> findings) {}

    private VerdictPolicy() {}

    public static Decision decide(String text, List<Hit> hits, Set<String> qualifications) {
        List<Hit> relevant = new ArrayList<>();
        for (Hit hit : hits) {
            String required = hit.term().requiredQualification();
            boolean allowed = required != null && qualifications.contains(required);
            if (!allowed) relevant.add(hit);
        }
        List<Finding> findings = relevant.stream().map(Hit::finding).toList();
        if (relevant.isEmpty()) return new Decision(Verdict.APPROVED, text, findings);
        boolean rewritable = relevant.stream()
                .allMatch(h -> h.term().category() == LexiconCategory.EXTREME_ADVERTISING
                        && h.term().substitute() != null);
        return rewritable
                ? new Decision(Verdict.REWRITTEN, rewrite(text, relevant), findings)
                : new Decision(Verdict.BLOCKED, "", findings);
    }

    /**
     * Replaces each finding's original span by its substitute, or masks it when the substitute is {@link
     * LexiconTerm#MASK} (one * per character of the span as written); hits come first to last and never overlap.
     */
    private static String rewrite(String text, List<Hit> hits) {
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (Hit hit : hits) {
            Finding finding = hit.finding();
            out.append(text, at, finding.start()).append(replacement(hit.term(), finding.term()));
            at = finding.end();
        }
        return out.append(text.substring(at)).toString();
    }

    private static String replacement(LexiconTerm term, String written) {
        if (!LexiconTerm.MASK.equals(term.substitute())) return term.substitute();
        return "*".repeat(written.codePointCount(0, written.length()));
    }
}
