package io.dmpilot.compliance;

import io.dmpilot.compliance.lexicon.LexiconLoader;
import io.dmpilot.compliance.lexicon.LexiconMatcher;
import io.dmpilot.contracts.Finding;
import io.dmpilot.contracts.ReplyCandidate;
import io.dmpilot.contracts.Verdict;
import io.dmpilot.contracts.VettedReply;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The verdict on one candidate. Any finding blocks for now: masking and substitutes (REWRITTEN) need the
 * per-category policy of the full lexicon.
 */
@ApplicationScoped
public class ReplyVetter {
    private final LexiconMatcher matcher;

    public ReplyVetter(
            @ConfigProperty(name = "dmpilot.compliance.lexicon", defaultValue = "lexicon/default.tsv") String lexicon) {
        this.matcher = new LexiconMatcher(LexiconLoader.fromClasspath(lexicon));
    }

    public VettedReply vet(ReplyCandidate candidate) {
        long now = System.currentTimeMillis();
        if (!candidate.matched()) {
            // nothing to vet: passes through so dispatch records the NO_MATCH outcome
            return new VettedReply(candidate, Verdict.APPROVED, "", List.of(), now);
        }
        List<Finding> findings = check(candidate.text());
        return findings.isEmpty()
                ? new VettedReply(candidate, Verdict.APPROVED, candidate.text(), findings, now)
                : new VettedReply(candidate, Verdict.BLOCKED, "", findings, now);
    }

    public List<Finding> check(String text) {
        return matcher.find(text == null ? "" : text);
    }
}
