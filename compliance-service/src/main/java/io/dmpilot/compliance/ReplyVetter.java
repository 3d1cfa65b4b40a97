package io.dmpilot.compliance;

import io.dmpilot.compliance.account.AccountPolicies;
import io.dmpilot.compliance.lexicon.LexiconRegistry;
import io.dmpilot.contracts.ReplyCandidate;
import io.dmpilot.contracts.Verdict;
import io.dmpilot.contracts.VettedReply;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The verdict on one candidate: the lexicon of its agency, then {@link VerdictPolicy} with its account's qualifications. */
@ApplicationScoped
public class ReplyVetter {
    private final LexiconRegistry lexicons;
    private final AccountPolicies policies;

    public ReplyVetter(LexiconRegistry lexicons, AccountPolicies policies) {
        this.lexicons = lexicons;
        this.policies = policies;
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
        return VerdictPolicy.decide(
                safe,
                lexicons.matcherFor(agencyId).hits(safe),
                policies.of(accountOpenId).qualifications());
    }
}
