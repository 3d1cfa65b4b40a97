package io.dmpilot.analytics;

import io.dmpilot.analytics.funnel.FunnelStep;
import io.dmpilot.analytics.keywords.WordSegmenter;
import io.dmpilot.analytics.responsetime.ResponseTimeBuckets;
import io.dmpilot.contracts.Conversion;
import io.dmpilot.contracts.DispatchOutcome;
import io.dmpilot.contracts.InboundEvent;
import io.dmpilot.contracts.Outcome;
import io.dmpilot.contracts.ReplyCandidate;
import io.dmpilot.contracts.Topics;
import io.dmpilot.contracts.Verdict;
import io.dmpilot.contracts.VettedReply;
import io.dmpilot.contracts.serde.MalformedEventException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Each topic's event → what it adds to the aggregates. No I/O: the store writes the result in one
 * transaction. An event nothing is counted for (an echo, an intermediate outcome) gives empty.
 */
public class EventRecordings {
    private final WordSegmenter segmenter;

    public EventRecordings(WordSegmenter segmenter) {
        this.segmenter = segmenter;
    }

    /** Received, its words, and the user's answer to an earlier sent reply. */
    public Optional<Recording> inbound(InboundEvent event) {
        return CountableEvent.from(event).map(counted -> {
            String account = counted.accountOpenId();
            Aggregates out = new Aggregates()
                    .funnel(
                            account,
                            TimeBuckets.hourOf(event.receivedAt()),
                            Dimensions.NONE,
                            FunnelStep.RECEIVED.name());
            LocalDate day = TimeBuckets.dayOf(event.receivedAt());
            segmenter.words(event.text()).forEach(word -> out.word(account, day, word));
            return Recording.of(counted.eventKey(), out)
                    .withOutcome(counted)
                    .withConversation(
                            event.conversationId(),
                            (state, more) -> state.userMessage(account, event.receivedAt(), more));
        });
    }

    /** The terminal outcome in the mix (SENT is also the funnel's sent step) and a sent reply's response time. */
    public Optional<Recording> outcome(DispatchOutcome event) {
        return CountableEvent.from(event).map(counted -> {
            String account = counted.accountOpenId();
            long at = event.receivedAt() > 0 ? event.receivedAt() : event.decidedAt();
            long hour = TimeBuckets.hourOf(at);
            Dimensions dims = Dimensions.of(event.scenario(), event.ruleId(), event.variant());
            Aggregates out = new Aggregates()
                    .funnel(account, hour, dims, counted.outcome().name());
            counted.responseMillis()
                    .ifPresent(millis -> out.responseTime(
                            account,
                            hour,
                            event.tier() == null ? "" : event.tier().name(),
                            millis,
                            ResponseTimeBuckets.bucketOf(millis),
                            counted.answeredWithinWindow(),
                            event.tier() != null && millis <= event.tier().sloMillis()));
            Recording recording = Recording.of(counted.eventKey(), out).withOutcome(counted);
            if (event.outcome() != Outcome.SENT) return recording;
            return recording.withConversation(
                    event.conversationId(), (state, more) -> state.sent(account, at, event.decidedAt(), dims, more));
        });
    }

    /**
     * Matched (with the rule keywords that triggered it) and the scenario path; a candidate planned with a
     * cheaper engine under load is also counted as degraded, matched or not. A plain no-match adds nothing.
     */
    public Optional<Recording> candidate(ReplyCandidate candidate) {
        InboundEvent inbound = require(candidate.inbound(), "candidate without its inbound event");
        String account = account(inbound.accountOpenId());
        String key = key(Topics.REPLY_CANDIDATES, candidate.candidateId());
        Aggregates out = new Aggregates();
        String reason = candidate.degraded();
        boolean degraded = reason != null && !reason.isBlank();
        if (degraded) {
            String tier = candidate.tier() == null ? "" : candidate.tier().name();
            // a reason is a short tag (semantic-backlog); a longer one is cut to the column rather than fail the poll
            String stored = reason.length() > 64 ? reason.substring(0, 64) : reason;
            out.degraded(account, TimeBuckets.hourOf(inbound.receivedAt()), tier, stored);
        }
        if (!candidate.matched()) return degraded ? Optional.of(Recording.of(key, out)) : Optional.empty();
        Dimensions dims = Dimensions.of(candidate.scenario(), candidate.ruleId(), candidate.variant());
        out.funnel(account, TimeBuckets.hourOf(inbound.receivedAt()), dims, FunnelStep.MATCHED.name());
        LocalDate day = TimeBuckets.dayOf(inbound.receivedAt());
        if (candidate.matchedKeywords() != null) {
            candidate.matchedKeywords().stream()
                    .filter(keyword -> keyword != null && !keyword.isBlank())
                    .forEach(keyword -> out.ruleKeyword(account, day, dims.ruleId(), keyword));
        }
        Recording recording = Recording.of(key, out);
        if (candidate.scenario() == null) return Optional.of(recording);
        String scenario = candidate.scenario().name();
        return Optional.of(recording.withConversation(
                inbound.conversationId(),
                (state, more) -> state.scenario(account, inbound.receivedAt(), scenario, more)));
    }

    /** Vetted: approved as it was or rewritten; a blocked reply shows in the outcome mix instead. */
    public Optional<Recording> vetted(VettedReply vetted) {
        require(vetted.verdict(), "vetted reply without verdict");
        ReplyCandidate candidate = require(vetted.candidate(), "vetted reply without its candidate");
        InboundEvent inbound = require(candidate.inbound(), "vetted reply without its inbound event");
        String account = account(inbound.accountOpenId());
        // one verdict per candidate: the candidate id is the vetted record's identity
        String key = key(Topics.REPLY_VETTED, candidate.candidateId());
        if (vetted.verdict() == Verdict.BLOCKED) return Optional.empty();
        Dimensions dims = Dimensions.of(candidate.scenario(), candidate.ruleId(), candidate.variant());
        Aggregates out = new Aggregates()
                .funnel(account, TimeBuckets.hourOf(inbound.receivedAt()), dims, FunnelStep.VETTED.name());
        return Optional.of(Recording.of(key, out));
    }

    /** Converted, once per conversation, credited to the conversation's last sent reply. */
    public Optional<Recording> conversion(Conversion conversion) {
        String account = account(conversion.accountOpenId());
        String key = key(Topics.CONVERSIONS, conversion.conversionId());
        require(conversion.kind(), "conversion without kind");
        Aggregates out = new Aggregates();
        String conversationId = conversion.conversationId();
        if (conversationId == null || conversationId.isBlank()) {
            out.funnel(account, TimeBuckets.hourOf(conversion.at()), Dimensions.NONE, FunnelStep.CONVERTED.name());
            return Optional.of(Recording.of(key, out));
        }
        return Optional.of(Recording.of(key, out)
                .withConversation(conversationId, (state, more) -> state.conversion(account, conversion.at(), more)));
    }

    private static String key(String topic, String id) {
        require(id != null && !id.isBlank() ? id : null, "event without id on " + topic);
        return topic + ":" + id;
    }

    private static String account(String accountOpenId) {
        return require(
                accountOpenId != null && !accountOpenId.isBlank() ? accountOpenId : null,
                "event without accountOpenId");
    }

    /** A record missing what the contract promises is malformed: it goes to the dead-letter topic. */
    private static <T> T require(T value, String problem) {
        if (value == null) throw new MalformedEventException(problem, null);
        return value;
    }
}
