package io.dmpilot.dispatch;

import io.dmpilot.contracts.DispatchOutcome;
import io.dmpilot.contracts.HandoffReason;
import io.dmpilot.contracts.InboundEvent;
import io.dmpilot.contracts.Outcome;
import io.dmpilot.contracts.ReplyCandidate;
import io.dmpilot.contracts.Verdict;
import io.dmpilot.contracts.VettedReply;
import io.dmpilot.contracts.douyin.DouyinSendRequest;
import io.dmpilot.contracts.douyin.DouyinSendResponse;
import io.dmpilot.dispatch.douyin.PlatformSender;
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

    private final QuotaGate quota;
    private final SendLedger ledger;
    private final ConversationState conversations;
    private final ReplyWindow window;
    private final PlatformSender sender;
    private final DispatchConfig config;

    public ReplyDispatcher(
            QuotaGate quota,
            SendLedger ledger,
            ConversationState conversations,
            ReplyWindow window,
            PlatformSender sender,
            DispatchConfig config) {
        this.quota = quota;
        this.ledger = ledger;
        this.conversations = conversations;
        this.window = window;
        this.sender = sender;
        this.config = config;
    }

    /** The outcome, and why the conversation went to a person when this reply sent it there (else null). */
    public record Dispatched(DispatchOutcome outcome, HandoffReason handoff) {
        static Dispatched of(DispatchOutcome outcome) {
            return new Dispatched(outcome, null);
        }
    }

    public Uni<Dispatched> dispatch(VettedReply reply) {
        ReplyCandidate candidate = reply.candidate();
        if (!candidate.matched()) {
            return done(reply, Outcome.NO_MATCH, candidate.noMatchReason());
        }
        if (reply.verdict() == Verdict.BLOCKED) {
            String category = reply.findings().isEmpty()
                    ? "blocked"
                    : reply.findings().get(0).category().name();
            return done(reply, Outcome.BLOCKED, category);
        }
        if (pastDeadline(candidate, 0)) {
            // decided by the deadline alone, so the same on redelivery: no Redis round trip for a backlog
            return done(reply, Outcome.EXPIRED, "deadline-passed");
        }
        return ledger.claim(candidate.candidateId()).chain(claim -> {
            if (claim instanceof SendLedger.Decided decided) {
                return Uni.createFrom().item(Dispatched.of(decided.outcome()));
            }
            Uni<Dispatched> decision = claim instanceof SendLedger.Unconfirmed unconfirmed
                    ? unconfirmed
                            .echoedMessageId()
                            .map(id -> done(reply, Outcome.SENT, "confirmed-by-echo:" + id))
                            .orElseGet(() -> done(reply, Outcome.FAILED, "send-unconfirmed-after-restart"))
                    : decide(reply);
            return decision.call(d -> ledger.record(d.outcome()));
        });
    }

    /** A person is on it, the cap was reached, or the reply may go (with the human-service entry if last). */
    private Uni<Dispatched> decide(VettedReply reply) {
        return conversations.standing(reply.candidate().inbound()).chain(standing -> {
            if (standing.humanActive()) return done(reply, Outcome.HANDED_OFF, "human-active");
            if (standing.handedOff()) return done(reply, Outcome.HANDED_OFF, "awaiting-human");
            boolean last = standing.autoRepliesInARow() + 1 >= config.autoRepliesInARow();
            String text = last ? reply.text() + "\n" + config.humanServiceEntry() : reply.text();
            return pause().chain(() -> admitThenSend(reply, text));
        });
    }

    private Uni<Dispatched> admitThenSend(VettedReply reply, String text) {
        ReplyCandidate candidate = reply.candidate();
        if (pastDeadline(candidate, 0)) {
            return done(reply, Outcome.EXPIRED, "deadline-passed");
        }
        String account = candidate.inbound().accountOpenId();
        return quota.acquire(account, candidate.tier(), candidate.candidateId()).chain(decision -> {
            if (decision.admitted()) {
                return withinWindow(reply, text);
            }
            if (pastDeadline(candidate, decision.retryAfterMillis())) {
                return conversations
                        .handOff(candidate.inbound(), HandoffReason.OVER_QUOTA)
                        .replaceWith(handedOff(reply, "over-quota", HandoffReason.OVER_QUOTA));
            }
            return later(Duration.ofMillis(decision.retryAfterMillis() + 5)).chain(() -> admitThenSend(reply, text));
        });
    }

    /** The platform's reply window is checked last, so only a reply about to leave takes a place in it. */
    private Uni<Dispatched> withinWindow(VettedReply reply, String text) {
        ReplyCandidate candidate = reply.candidate();
        return window.take(candidate.inbound())
                .chain(verdict -> ReplyWindow.isOpen(verdict)
                        ? send(reply, text)
                        : releaseQuota(candidate).chain(() -> done(reply, Outcome.EXPIRED, "reply-" + verdict)));
    }

    private Uni<Dispatched> send(VettedReply reply, String text) {
        ReplyCandidate candidate = reply.candidate();
        InboundEvent inbound = candidate.inbound();
        DouyinSendRequest request =
                DouyinSendRequest.text(inbound.serverMessageId(), inbound.conversationId(), inbound.userOpenId(), text);
        return ledger.inFlight(inbound, candidate.candidateId(), text)
                .chain(() -> sender.send(inbound.accountOpenId(), request)
                        .onItemOrFailure()
                        .transformToUni((response, failure) -> failure == null
                                ? conversations
                                        .autoReplySent(inbound)
                                        .map(capReached -> new Dispatched(
                                                OutcomeFactory.of(reply, Outcome.SENT, sentId(response)),
                                                capReached ? HandoffReason.AUTO_REPLY_CAP : null))
                                : releaseQuota(candidate)
                                        .chain(() -> window.giveBack(inbound))
                                        .chain(() -> afterFailure(reply, text, failure))));
    }

    private static String sentId(DouyinSendResponse response) {
        return response.data() == null ? "" : response.data().msgId();
    }

    /** The platform kept failing through the client's retries: try again while the deadline allows. */
    private Uni<Dispatched> afterFailure(VettedReply reply, String text, Throwable failure) {
        boolean retryable = !(failure instanceof SendFailure.Final);
        String detail = failure instanceof SendFailure f
                ? "platform-" + f.code()
                : failure.getClass().getSimpleName();
        long pause = config.platformRetryPause().toMillis();
        if (retryable && !pastDeadline(reply.candidate(), pause)) {
            LOG.warnf(
                    "conversation %s: send failed (%s), retrying",
                    reply.candidate().inbound().conversationId(), detail);
            return later(Duration.ofMillis(pause)).chain(() -> admitThenSend(reply, text));
        }
        return done(reply, Outcome.FAILED, detail);
    }

    private Uni<Void> releaseQuota(ReplyCandidate candidate) {
        return quota.release(candidate.inbound().accountOpenId(), candidate.tier(), candidate.candidateId());
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

    private static Dispatched handedOff(VettedReply reply, String detail, HandoffReason reason) {
        return new Dispatched(OutcomeFactory.of(reply, Outcome.HANDED_OFF, detail), reason);
    }

    private static Uni<Dispatched> done(VettedReply reply, Outcome outcome, String detail) {
        return Uni.createFrom().item(Dispatched.of(OutcomeFactory.of(reply, outcome, detail)));
    }
}
