package io.dmpilot.rules;

import io.dmpilot.contracts.FallbackReply;
import io.dmpilot.contracts.InboundEvent;
import io.dmpilot.contracts.ReplyCandidate;
import io.dmpilot.rules.engine.AccountRules;
import io.dmpilot.rules.engine.EngineMatch;
import io.dmpilot.rules.engine.TemplateRenderer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds the candidate that leaves rules-service: a rendered reply, or an explicit no-match. */
final class CandidateFactory {
    private final Duration replyDeadline;

    CandidateFactory(Duration replyDeadline) {
        this.replyDeadline = replyDeadline;
    }

    ReplyCandidate reply(
            InboundEvent inbound,
            AccountRules rules,
            EngineMatch match,
            Optional<EngineMatch> fallback,
            boolean offHours,
            int autoRepliesInARow,
            String degraded,
            long now) {
        String text = render(match.template(), inbound);
        return new ReplyCandidate(
                candidateId(inbound),
                inbound,
                rules.agencyId(),
                match.tier(),
                match.ruleId(),
                match.scenario(),
                match.variant(),
                text,
                match.keywords(),
                match.score(),
                autoRepliesInARow,
                now,
                deadline(inbound),
                null,
                fallback.map(f -> new FallbackReply(f.tier(), f.ruleId(), f.scenario(), render(f.template(), inbound)))
                        .orElse(null),
                offHours,
                degraded);
    }

    String render(String template, InboundEvent inbound) {
        return TemplateRenderer.render(template, variables(inbound));
    }

    ReplyCandidate noMatch(InboundEvent inbound, String agencyId, String reason, String degraded, long now) {
        return new ReplyCandidate(
                candidateId(inbound),
                inbound,
                agencyId,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                0.0,
                0,
                now,
                deadline(inbound),
                reason,
                null,
                null,
                degraded);
    }

    /** One candidate per inbound message: redelivery yields the same id, so dispatch sends at most once. */
    private static String candidateId(InboundEvent inbound) {
        return "cand:" + inbound.eventId();
    }

    private long deadline(InboundEvent inbound) {
        return inbound.receivedAt() + replyDeadline.toMillis();
    }

    private static Map<String, String> variables(InboundEvent inbound) {
        Map<String, String> variables = new HashMap<>();
        variables.put("nickname", inbound.userNickname());
        return variables;
    }
}
