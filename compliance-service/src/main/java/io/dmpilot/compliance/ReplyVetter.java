package io.dmpilot.compliance;

import io.dmpilot.compliance.account.AccountPolicies;
import io.dmpilot.compliance.account.AccountPolicy;
import io.dmpilot.compliance.inbound.InboundScreen;
import io.dmpilot.compliance.lexicon.LexiconRegistry;
import io.dmpilot.contracts.HandoffReason;
import io.dmpilot.contracts.ReplyCandidate;
import io.dmpilot.contracts.Scenario;
import io.dmpilot.contracts.Tier;
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

    /** The rule id of a reply the crisis scenario wrote in place of the candidate's. */
    public static final String CRISIS_RULE = "compliance:crisis-reply";

    public VettedReply vet(ReplyCandidate candidate) {
        return vet(candidate, false);
    }

    /**
     * @param conversationInCrisis the conversation was switched to the crisis scenario by an earlier message:
     *     under a policy with a crisis reply, that reply answers this message too, matched or not
     */
    public VettedReply vet(ReplyCandidate candidate, boolean conversationInCrisis) {
        long now = System.currentTimeMillis();
        InboundScreen.Screening screening = screen.screen(candidate.inbound());
        AccountPolicy policy = policies.of(candidate.inbound().accountOpenId());
        if (screening.switchesToCrisis() || (conversationInCrisis && policy.switchesOnCrisis())) {
            ReplyCandidate crisis = crisisAnswer(candidate, policy.crisisReply());
            VerdictPolicy.Decision decision = check(crisis.text(), crisis.agencyId(), policy);
            return new VettedReply(crisis, decision.verdict(), decision.text(), decision.findings(), now);
        }
        if (!candidate.matched()) {
            // nothing to vet: passes through so dispatch records the NO_MATCH outcome
            return new VettedReply(candidate, Verdict.APPROVED, "", List.of(), now);
        }
        if (screening.handsOff()) {
            // a person takes the conversation: BLOCKED with the reason, so nothing that ignores it can send
            HandoffReason reason = screening.signal().orElseThrow().reason();
            return new VettedReply(candidate, Verdict.BLOCKED, "", List.of(), now, reason);
        }
        VerdictPolicy.Decision decision = check(candidate.text(), candidate.agencyId(), policy);
        VettedReply vetted = new VettedReply(candidate, decision.verdict(), decision.text(), decision.findings(), now);
        if (candidate.fallback() == null || decision.verdict() == Verdict.BLOCKED) return vetted;
        // the cheaper tier's reply may go out instead when the quota runs short: the same rules apply to it
        VerdictPolicy.Decision fallback = check(candidate.fallback().text(), candidate.agencyId(), policy);
        return fallback.verdict() == Verdict.BLOCKED ? vetted : vetted.withFallbackText(fallback.text());
    }

    public VerdictPolicy.Decision check(String text, String agencyId, String accountOpenId) {
        return check(text, agencyId, policies.of(accountOpenId));
    }

    private VerdictPolicy.Decision check(String text, String agencyId, AccountPolicy policy) {
        String safe = text == null ? "" : text;
        return VerdictPolicy.decide(safe, lexicons.matcherFor(agencyId).hits(safe), policy.qualifications());
    }

    /**
     * The message answered by the account's crisis reply: a fixed text, so BASIC's engine and quota, whatever
     * rules-service proposed; no cheaper fallback, since nothing else may be said instead.
     */
    static ReplyCandidate crisisAnswer(ReplyCandidate c, String text) {
        return new ReplyCandidate(
                c.candidateId(),
                c.inbound(),
                c.agencyId(),
                Tier.BASIC,
                CRISIS_RULE,
                Scenario.CRISIS,
                null,
                text,
                List.of(),
                1.0,
                c.autoRepliesInARow(),
                c.createdAt(),
                c.deadline(),
                null,
                null,
                c.offHours());
    }
}
