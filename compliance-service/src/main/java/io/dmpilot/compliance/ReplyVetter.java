package io.dmpilot.compliance;

import io.dmpilot.compliance.lexicon.LexiconRegistry;
import io.dmpilot.contracts.ReplyCandidate;
import io.dmpilot.contracts.Verdict;
import io.dmpilot.contracts.VettedReply;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;

/** The verdict on one candidate: the lexicon of its agency, then {@link VerdictPolicy}. */
@ApplicationScoped
public class ReplyVetter {
    private final LexiconRegistry lexicons;
    private final ComplianceConfig config;

    public ReplyVetter(LexiconRegistry lexicons, ComplianceConfig config) {
        this.lexicons = lexicons;
        this.config = config;
    }

    public VettedReply vet(ReplyCandidate candidate) {
        long now = System.currentTimeMillis();
        if (!candidate.matched()) {
            // nothing to vet: passes through so dispatch records the NO_MATCH outcome
            return new VettedReply(candidate, Verdict.APPROVED, "", List.of(), now);
        }
        VerdictPolicy.Decision decision = check(
                candidate.text(), candidate.agencyId(), candidate.inbound().accountOpenId());
        return new VettedReply(candidate, decision.verdict(), decision.text(), decision.findings(), now);
    }

    public VerdictPolicy.Decision check(String text, String agencyId, String accountOpenId) {
        String safe = text == null ? "" : text;
        return VerdictPolicy.decide(safe, lexicons.matcherFor(agencyId).hits(safe), qualifications(accountOpenId));
    }

    private Set<String> qualifications(String accountOpenId) {
        List<String> held =
                accountOpenId == null ? null : config.qualifications().get(accountOpenId);
        return held == null ? Set.of() : Set.copyOf(held);
    }
}
