package io.dmpilot.dispatch;

import io.dmpilot.contracts.DispatchOutcome;
import io.dmpilot.contracts.Outcome;
import io.dmpilot.contracts.ReplyCandidate;
import io.dmpilot.contracts.Verdict;
import io.dmpilot.contracts.VettedReply;
import io.dmpilot.contracts.douyin.DouyinSendRequest;
import io.dmpilot.dispatch.douyin.DouyinClient;
import io.dmpilot.dispatch.douyin.SendFailure;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;

/**
 * Decides whether, when and how one vetted reply goes out, and returns its outcome. Waiting (typing pause,
 * quota, platform back-off) is scheduled on the event loop, never a blocked thread.
 */
@ApplicationScoped
public class ReplyDispatcher {
    private static final Logger LOG = Logger.getLogger(ReplyDispatcher.class);
    private static final Duration PLATFORM_RETRY_PAUSE = Duration.ofSeconds(2);

    private final QuotaGate quota;
    private final SendLedger ledger;
    private final DouyinClient douyin;
    private final DispatchConfig config;

    public ReplyDispatcher(QuotaGate quota, SendLedger ledger, DouyinClient douyin, DispatchConfig config) {
        this.quota = quota;
        this.ledger = ledger;
        this.douyin = douyin;
        this.config = config;
    }

    public Uni<DispatchOutcome> dispatch(VettedReply reply) {
        ReplyCandidate candidate = reply.candidate();
        if (!candidate.matched()) {
            return done(reply, Outcome.NO_MATCH, candidate.noMatchReason());
        }
        if (reply.verdict() == Verdict.BLOCKED) {
            return done(
                    reply,
                    Outcome.BLOCKED,
                    reply.findings().isEmpty()
                            ? "blocked"
                            : reply.findings().get(0).category().name());
        }
        return ledger.claim(candidate.candidateId()).chain(claim -> {
            if (claim instanceof SendLedger.Decided decided) {
                return Uni.createFrom().item(decided.outcome());
            }
            if (claim instanceof SendLedger.Unconfirmed) {
                return done(reply, Outcome.FAILED, "send-unconfirmed-after-restart");
            }
            return pause().chain(() -> admitThenSend(reply)).call(ledger::record);
        });
    }

    private Uni<DispatchOutcome> admitThenSend(VettedReply reply) {
        ReplyCandidate candidate = reply.candidate();
        if (pastDeadline(candidate, 0)) {
            return done(reply, Outcome.EXPIRED, "deadline-passed");
        }
        String account = candidate.inbound().accountOpenId();
        return quota.acquire(account, candidate.tier(), candidate.candidateId()).chain(decision -> {
            if (decision.admitted()) {
                return send(reply);
            }
            if (pastDeadline(candidate, decision.retryAfterMillis())) {
                return done(reply, Outcome.HANDED_OFF, "over-quota");
            }
            return later(Duration.ofMillis(decision.retryAfterMillis() + 5)).chain(() -> admitThenSend(reply));
        });
    }

    private Uni<DispatchOutcome> send(VettedReply reply) {
        ReplyCandidate candidate = reply.candidate();
        var inbound = candidate.inbound();
        DouyinSendRequest request = DouyinSendRequest.text(
                inbound.serverMessageId(), inbound.conversationId(), inbound.userOpenId(), reply.text());
        return douyin.send(inbound.accountOpenId(), config.accessToken(), request)
                .chain(response -> done(
                        reply,
                        Outcome.SENT,
                        response.data() == null ? "" : response.data().msgId()))
                .onFailure()
                .recoverWithUni(
                        failure -> quota.release(inbound.accountOpenId(), candidate.tier(), candidate.candidateId())
                                .chain(() -> afterFailure(reply, failure)));
    }

    /** The platform kept failing through the client's retries: try again while the deadline allows. */
    private Uni<DispatchOutcome> afterFailure(VettedReply reply, Throwable failure) {
        boolean retryable = !(failure instanceof SendFailure.Final);
        String detail = failure instanceof SendFailure f
                ? "platform-" + f.code()
                : failure.getClass().getSimpleName();
        if (retryable && !pastDeadline(reply.candidate(), PLATFORM_RETRY_PAUSE.toMillis())) {
            LOG.warnf(
                    "conversation %s: send failed (%s), retrying",
                    reply.candidate().inbound().conversationId(), detail);
            return later(PLATFORM_RETRY_PAUSE).chain(() -> admitThenSend(reply));
        }
        return done(reply, Outcome.FAILED, detail);
    }

    private Uni<Void> pause() {
        long min = config.typingPauseMin().toMillis();
        long max = Math.max(min, config.typingPauseMax().toMillis());
        long pause = max == 0 ? 0 : ThreadLocalRandom.current().nextLong(min, max + 1);
        return pause == 0 ? Uni.createFrom().voidItem() : later(Duration.ofMillis(pause));
    }

    private static Uni<Void> later(Duration delay) {
        return Uni.createFrom().voidItem().onItem().delayIt().by(delay);
    }

    private static boolean pastDeadline(ReplyCandidate candidate, long afterMillis) {
        return System.currentTimeMillis() + afterMillis > candidate.deadline();
    }

    private static Uni<DispatchOutcome> done(VettedReply reply, Outcome outcome, String detail) {
        return Uni.createFrom().item(OutcomeFactory.of(reply, outcome, detail));
    }
}
