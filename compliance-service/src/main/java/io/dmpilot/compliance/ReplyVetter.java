package io.dmpilot.compliance;

import io.dmpilot.compliance.account.AccountPolicies;
import io.dmpilot.compliance.inbound.InboundScreen;
import io.dmpilot.compliance.lexicon.LexiconRegistry;
import io.dmpilot.contracts.HandoffReason;
import io.dmpilot.contracts.ReplyCandidate;
import io.dmpilot.contracts.Verdict;
import io.dmpilot.contracts.VettedReply;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The verdict on one candidate: first whether its inbound message goes to a person ({@link InboundScreen}, the
 * same decision that publishes the hand-off), then the lexicon of its agency and {@link VerdictPolicy} with
 * its account's qualifications.
 */
@ApplicationScoped
public class ReplyVetter {
    private final LexiconRegistry lexicons;
    private final AccountPolicies policies;
    private final InboundScreen screen;

    public ReplyVetter(LexiconRegistry lexicons, AccountPolicies policies, InboundScreen screen) {
        this.lexicons = lexicons;
        this.policies = policies;
        this.screen = screen;
    }

    public VettedReply vet(ReplyCandidate candidate) {
        long now = System.currentTimeMillis();
        if (!candidate.matched()) {
            // nothing to vet: passes through so dispatch records the NO_MATCH outcome
            return new VettedReply(candidate, Verdict.APPROVED, "", List.of(), now);
        }
        InboundScreen.Screening screening = screen.screen(candidate.inbound());
        if (screening.handsOff()) {
            // a person takes the conversation: BLOCKED with the reason, so nothing that ignores it can send
            HandoffReason reason = screening.signal().orElseThrow().reason();
            return new VettedReply(candidate, Verdict.BLOCKED, "", List.of(), now, reason);
        }
        String account = candidate.inbound().accountOpenId();
        VerdictPolicy.Decision decision = check(candidate.text(), candidate.agencyId(), account);
        VettedReply vetted = new VettedReply(candidate, decision.verdict(), decision.text(), decision.findings(), now);
        if (candidate.fallback() == null || decision.verdict() == Verdict.BLOCKED) return vetted;
        // the cheaper tier's reply may go out instead when the quota runs short: the same rules apply to it
        VerdictPolicy.Decision fallback = check(candidate.fallback().text(), candidate.agencyId(), account);
        return fallback.verdict() == Verdict.BLOCKED ? vetted : vetted.withFallbackText(fallback.text());
    }

    public VerdictPolicy.Decision check(String text, String agencyId, String accountOpenId) {
        String safe = text == null ? "" : text;
        return VerdictPolicy.decide(
                safe,
                lexicons.matcherFor(agencyId).hits(safe),
                policies.of(accountOpenId).qualifications());
    }
}
