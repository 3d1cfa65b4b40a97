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
import io.dmpilot.dispatch.degrade.LoadMonitor;
import io.dmpilot.dispatch.douyin.DouyinClient;
import io.dmpilot.dispatch.douyin.PlatformSender;
import io.dmpilot.dispatch.douyin.SendFailure;
import io.dmpilot.dispatch.pacing.Pacer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Decides whether, when and how one vetted reply goes out, and returns its outcome. Waiting (typing pause,
 * quota, platform back-off) is scheduled on the event loop, never a blocked thread.
 */
@ApplicationScoped
public class ReplyDispatcher {
    private static final Logger LOG = Logger.getLogger(ReplyDispatcher.class);
    private static final Duration ECHO_POLL = Duration.ofMillis(250);

    private final QuotaGate quota;
    private final SendLedger ledger;
    private final ConversationState conversations;
    private final ReplyWindow window;
    private final PlatformSender sender;
    private final LoadMonitor load;
    private final Pacer pacer;
    private final DispatchConfig config;

    public ReplyDispatcher(
            QuotaGate quota,
            SendLedger ledger,
            ConversationState conversations,
            ReplyWindow window,
            PlatformSender sender,
            LoadMonitor load,
            Pacer pacer,
            DispatchConfig config) {
        this.quota = quota;
        this.ledger = ledger;
        this.conversations = conversations;
        this.window = window;
        this.sender = sender;
        this.load = load;
        this.pacer = pacer;
        this.config = config;
    }

    /** The outcome, and why the conversation went to a person when this reply sent it there (else null). */
    public record Dispatched(DispatchOutcome outcome, HandoffReason handoff) {
        /** Another replica took the reply over from this one: its outcome is the one that counts. */
        static final Dispatched SUPERSEDED = new Dispatched(null, null);

        static Dispatched of(DispatchOutcome outcome) {
            return new Dispatched(outcome, null);
        }

        public boolean superseded() {
            return outcome == null;
        }
    }

    public Uni<Dispatched> dispatch(VettedReply reply) {
        ReplyCandidate candidate = reply.candidate();
        if (!candidate.matched()) {
            // a conversation waiting for a person learns of the message all the same: the operator answers it
            return conversations
                    .standing(candidate.inbound())
                    .chain(() -> done(reply, Outcome.NO_MATCH, candidate.noMatchReason()));
        }
        if (reply.handedOff()) {
            // compliance sends the message to a person (whatever the deadline): queued here too, whichever of
            // this reply and compliance's hand-off record comes first
            return once(reply, this::screenedOut);
        }
        if (reply.verdict() == Verdict.BLOCKED) {
            String category = reply.findings().isEmpty()
                    ? "blocked"
                    : reply.findings().get(0).category().name();
            return done(reply, Outcome.BLOCKED, category);
        }
        if (pastDeadline(candidate, 0)) {
            // through the ledger like any decision: a redelivered reply whose sender was killed after sending it
            // is confirmed by its echo, not called EXPIRED (the fault benchmark found 3 in 20,100)
            return once(reply, r -> done(r, Outcome.EXPIRED, "deadline-passed"));
        }
        return once(reply, this::decide);
    }

    /**
     * Decides a reply once: a redelivered record replays the recorded outcome, and a reply another replica is
     * still deciding (a rebalance moved its partition here) is waited for, not decided twice.
     */
    private Uni<Dispatched> once(VettedReply reply, Function<VettedReply, Uni<Dispatched>> decider) {
        String candidateId = reply.candidate().candidateId();
        return ledger.claim(reply.candidate().inbound(), candidateId).chain(claim -> {
            if (claim instanceof SendLedger.Decided decided) {
                return Uni.createFrom().item(Dispatched.of(decided.outcome()));
            }
            if (claim instanceof SendLedger.Held held) {
                LOG.debugf("candidate %s: %s is deciding it, waiting for its outcome", candidateId, held.owner());
                return later(ledger.heldPoll()).chain(() -> once(reply, decider));
            }
            Uni<Dispatched> decision = claim instanceof SendLedger.Unconfirmed unconfirmed
                    ? unconfirmed
                            .echoedMessageId()
                            .map(id -> done(reply, Outcome.SENT, "confirmed-by-echo:" + id, unconfirmed.admittedAt()))
                            .orElseGet(() -> done(
                                    reply, Outcome.FAILED, "send-unconfirmed-after-restart", unconfirmed.admittedAt()))
                    : decider.apply(reply);
            return decision.onFailure()
                    .call(() -> ledger.abandon(candidateId))
                    .chain(d -> d.superseded()
                            // fenced off before sending: stop renewing what is no longer ours
                            ? ledger.abandon(candidateId).replaceWith(d)
                            : ledger.record(d.outcome()).map(stored -> stored ? d : Dispatched.SUPERSEDED));
        });
    }

    /** Compliance announced the hand-off itself (dm.handoffs.v1): no second announcement from here. */
    private Uni<Dispatched> screenedOut(VettedReply reply) {
        HandoffReason reason = reply.handoff();
        return conversations
                .handOff(reply.candidate().inbound(), reason)
                .chain(() -> done(
                        reply, Outcome.HANDED_OFF, "inbound-" + reason.name().toLowerCase(Locale.ROOT)));
    }

    /** A person is on it, the cap was reached, or the reply may go (with the human-service entry if last). */
    private Uni<Dispatched> decide(VettedReply reply) {
        return conversations.standing(reply.candidate().inbound()).chain(standing -> {
            if (standing.humanActive()) return done(reply, Outcome.HANDED_OFF, "human-active");
            if (standing.handedOff()) return done(reply, Outcome.HANDED_OFF, "awaiting-human");
            boolean last = standing.autoRepliesInARow() + 1 >= config.autoRepliesInARow();
            String entry = last ? "\n" + config.humanServiceEntry() : "";
            ReplyCandidate candidate = reply.candidate();
            // rules-service owns the account's hours and says; dispatch's own setting serves older candidates
            boolean offHours = candidate.offHours() != null
                    ? candidate.offHours()
                    : pacer.offHours(candidate.inbound().accountOpenId());
            Attempt attempt = Attempt.of(reply, load.charge(candidate.tier()), offHours, entry);
            return pacer.pause(offHours, candidate.deadline()).chain(() -> admitThenSend(attempt));
        });
    }

    private Uni<Dispatched> admitThenSend(Attempt attempt) {
        ReplyCandidate candidate = attempt.reply().candidate();
        if (pastDeadline(candidate, 0)) {
            return attempt.done(Outcome.EXPIRED, "deadline-passed");
        }
        String account = candidate.inbound().accountOpenId();
        return quota.acquire(account, attempt.charged(), candidate.candidateId())
                .chain(decision -> {
                    if (decision.admitted()) {
                        return withinWindow(attempt.admittedAt(decision.redisMillis()));
                    }
                    if (pastDeadline(candidate, decision.retryAfterMillis())) {
                        // waiting would miss the deadline: a cheaper tier's reply, else a person
                        Optional<Attempt> cheaper = attempt.fallback();
                        if (cheaper.isPresent()) return admitThenSend(cheaper.get());
                        return conversations
                                .handOff(candidate.inbound(), HandoffReason.OVER_QUOTA)
                                .replaceWith(
                                        attempt.outcome(Outcome.HANDED_OFF, "over-quota", HandoffReason.OVER_QUOTA));
                    }
                    return later(Duration.ofMillis(decision.retryAfterMillis() + 5))
                            .chain(() -> admitThenSend(attempt));
                });
    }

    /** The platform's reply window is checked last, so only a reply about to leave takes a place in it. */
    private Uni<Dispatched> withinWindow(Attempt attempt) {
        return window.take(attempt.reply().candidate().inbound())
                .chain(verdict -> ReplyWindow.isOpen(verdict)
                        ? send(attempt)
                        : releaseQuota(attempt).chain(() -> attempt.done(Outcome.EXPIRED, "reply-" + verdict)));
    }

    private Uni<Dispatched> send(Attempt attempt) {
        ReplyCandidate candidate = attempt.reply().candidate();
        InboundEvent inbound = candidate.inbound();
        DouyinSendRequest request = DouyinSendRequest.text(
                inbound.serverMessageId(), inbound.conversationId(), inbound.userOpenId(), attempt.text());
        return ledger.inFlight(inbound, candidate.candidateId(), attempt.text(), attempt.admittedAt())
                .chain(owned -> !owned
                        ? releaseQuota(attempt)
                                .chain(() -> window.giveBack(inbound))
                                .replaceWith(Dispatched.SUPERSEDED)
                        : sender.send(inbound.accountOpenId(), request)
                                .onItemOrFailure()
                                .transformToUni((response, failure) -> failure == null
                                        ? sent(attempt, sentId(response))
                                        : DouyinClient.unanswered(failure)
                                                ? awaitEcho(attempt, System.nanoTime())
                                                : releaseQuota(attempt)
                                                        .chain(() -> window.giveBack(inbound))
                                                        .chain(() -> afterFailure(attempt, failure))));
    }

    /**
     * The platform may have taken a send whose answer never came, so it is not sent again: its echo confirms it,
     * and without one it ends FAILED. The quota and reply window stay charged, as for a send that went out.
     */
    private Uni<Dispatched> awaitEcho(Attempt attempt, long since) {
        ReplyCandidate candidate = attempt.reply().candidate();
        return ledger.echoOf(candidate.candidateId()).chain(echo -> {
            if (echo.isPresent()) return sent(attempt, "confirmed-by-echo:" + echo.get());
            if (System.nanoTime() - since > config.echoWait().toNanos()) {
                LOG.warnf(
                        "conversation %s: the send got no answer and no echo, not sending it again",
                        candidate.inbound().conversationId());
                return attempt.done(Outcome.FAILED, "send-unconfirmed");
            }
            return later(ECHO_POLL).chain(() -> awaitEcho(attempt, since));
        });
    }

    /** The platform has the reply: it counts in the conversation's automatic replies in a row. */
    private Uni<Dispatched> sent(Attempt attempt, String detail) {
        return conversations
                .autoReplySent(attempt.reply().candidate().inbound())
                .map(capReached ->
                        attempt.outcome(Outcome.SENT, detail, capReached ? HandoffReason.AUTO_REPLY_CAP : null));
    }

    private static String sentId(DouyinSendResponse response) {
        return response.data() == null ? "" : response.data().msgId();
    }

    /** The platform kept failing through the client's retries: try again while the deadline allows. */
    private Uni<Dispatched> afterFailure(Attempt attempt, Throwable failure) {
        boolean retryable = !(failure instanceof SendFailure.Final);
        String detail = failure instanceof SendFailure f
                ? "platform-" + f.code()
                : failure.getClass().getSimpleName();
        long pause = config.platformRetryPause().toMillis();
        ReplyCandidate candidate = attempt.reply().candidate();
        if (retryable && !pastDeadline(candidate, pause)) {
            LOG.warnf(
                    "conversation %s: send failed (%s), retrying",
                    candidate.inbound().conversationId(), detail);
            return later(Duration.ofMillis(pause)).chain(() -> admitThenSend(attempt));
        }
        return attempt.done(Outcome.FAILED, detail);
    }

    private Uni<Void> releaseQuota(Attempt attempt) {
        ReplyCandidate candidate = attempt.reply().candidate();
        return quota.release(candidate.inbound().accountOpenId(), attempt.charged(), candidate.candidateId());
    }

    private static Uni<Void> later(Duration delay) {
        return Uni.createFrom().voidItem().onItem().delayIt().by(delay);
    }

    private static boolean pastDeadline(ReplyCandidate candidate, long afterMillis) {
        return System.currentTimeMillis() + afterMillis > candidate.deadline();
    }

    private static Uni<Dispatched> done(VettedReply reply, Outcome outcome, String detail) {
        return done(reply, outcome, detail, 0);
    }

    private static Uni<Dispatched> done(VettedReply reply, Outcome outcome, String detail, long admittedAt) {
        return Uni.createFrom().item(Dispatched.of(OutcomeFactory.of(reply, outcome, detail, admittedAt)));
    }
}
