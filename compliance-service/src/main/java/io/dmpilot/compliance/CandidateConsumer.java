package io.dmpilot.compliance;

import io.dmpilot.compliance.account.AccountPolicies;
import io.dmpilot.compliance.inbound.CrisisConversations;
import io.dmpilot.compliance.ledger.DisabledRule;
import io.dmpilot.compliance.ledger.ViolationLedger;
import io.dmpilot.compliance.lexicon.LexiconChanges;
import io.dmpilot.contracts.Channels;
import io.dmpilot.contracts.InboundEvent;
import io.dmpilot.contracts.ReplyCandidate;
import io.dmpilot.contracts.Topics;
import io.dmpilot.contracts.Verdict;
import io.dmpilot.contracts.VettedReply;
import io.dmpilot.contracts.Violation;
import io.dmpilot.kit.KeyedRecords;
import io.dmpilot.kit.RecordBatches;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * dm.reply-candidates.v1 → dm.reply-vetted.v1, and compliance.violations.v1 for what was blocked. A candidate
 * answering a message that goes to a person is vetted BLOCKED with the hand-off reason and no findings, and
 * recorded as no violation: dispatch ends it HANDED_OFF. The
 * violation is written (ledger row, then record) before the verdict so a crash in between repeats both rather
 * than losing the first; the ledger ignores the repeat. A rule the ledger disables is announced on
 * config.changes.v1 as entity {@code rule-disabled}, keyed by {@code account/rule}.
 */
@ApplicationScoped
public class CandidateConsumer {
    private static final Logger LOG = Logger.getLogger(CandidateConsumer.class);
    private static final String SOURCE = "compliance-service";

    public static final String RULE_DISABLED = "rule-disabled";

    private final ReplyVetter vetter;
    private final ViolationLedger ledger;
    private final LexiconChanges changes;
    private final MutinyEmitter<VettedReply> vetted;
    private final MutinyEmitter<Violation> violations;
    private final MeterRegistry meters;
    private final AccountPolicies policies;
    private final CrisisConversations crisis;
    private final RecordBatches batches;

    public CandidateConsumer(
            AccountPolicies policies,
            CrisisConversations crisis,
            ReplyVetter vetter,
            ViolationLedger ledger,
            LexiconChanges changes,
            @Channel(Channels.REPLY_VETTED) MutinyEmitter<VettedReply> vetted,
            @Channel(Channels.VIOLATIONS) MutinyEmitter<Violation> violations,
            MeterRegistry meters,
            RecordBatches batches) {
        this.batches = batches;
        this.policies = policies;
        this.crisis = crisis;
        this.vetter = vetter;
        this.ledger = ledger;
        this.changes = changes;
        this.vetted = vetted;
        this.violations = violations;
        this.meters = meters;
    }

    /**
     * A poll at a time, its conversations at once ({@link RecordBatches}): a record that cannot be read goes to the
     * dead-letter topic at once; a transient failure is retried first, the conversation waiting meanwhile.
     */
    @Incoming(Channels.REPLY_CANDIDATES)
    public Uni<Void> consume(Message<List<String>> batch) {
        return batches.handle(batch, ReplyCandidate.class, this::handle);
    }

    private Uni<Void> handle(ReplyCandidate candidate) {
        InboundEvent inbound = candidate.inbound();
        // only accounts with a crisis reply can have a conversation in crisis: no Redis read for the others
        Uni<Boolean> inCrisis =
                inbound != null && policies.of(inbound.accountOpenId()).switchesOnCrisis()
                        ? crisis.inCrisis(inbound.accountOpenId(), inbound.conversationId())
                        : Uni.createFrom().item(false);
        return inCrisis.chain(conversationInCrisis -> {
            VettedReply reply = vetter.vet(candidate, conversationInCrisis);
            boolean switched = ReplyVetter.CRISIS_RULE.equals(reply.candidate().ruleId()) && !conversationInCrisis;
            Uni<Void> entered = switched
                    ? crisis.enter(inbound.accountOpenId(), inbound.conversationId())
                    : Uni.createFrom().voidItem();
            return entered.chain(() -> settle(reply));
        });
    }

    private Uni<Void> settle(VettedReply reply) {
        // a hand-off is no violation of the reply: counted apart, kept out of the ledger
        meters.counter(
                        "dmpilot_replies_vetted_total",
                        "verdict",
                        reply.handedOff() ? "HANDED_OFF" : reply.verdict().name())
                .increment();
        Uni<Void> first = reply.verdict() == Verdict.BLOCKED && !reply.handedOff()
                ? recordViolation(reply)
                : Uni.createFrom().voidItem();
        return first.chain(() -> emit(reply));
    }

    private Uni<Void> recordViolation(VettedReply reply) {
        ReplyCandidate candidate = reply.candidate();
        InboundEvent inbound = candidate.inbound();
        reply.findings()
                .forEach(f -> meters.counter(
                                "dmpilot_compliance_blocks_total",
                                "category",
                                f.category().name())
                        .increment());
        LOG.infof(
                "conversation %s: blocked rule %s for %s",
                inbound.conversationId(), candidate.ruleId(), reply.findings());
        Violation violation = new Violation(
                "viol:" + candidate.candidateId(),
                inbound.accountOpenId(),
                inbound.conversationId(),
                candidate.candidateId(),
                candidate.ruleId(),
                reply.verdict(),
                reply.findings(),
                reply.vettedAt());
        return ledger.record(violation)
                .call(disabled -> disabled == null ? Uni.createFrom().voidItem() : announce(disabled))
                .chain(() -> violations.sendMessage(KeyedRecords.of(
                        Topics.VIOLATIONS,
                        SOURCE,
                        inbound.conversationId(),
                        violation.violationId(),
                        inbound.traceId(),
                        inbound.accountOpenId(),
                        violation)));
    }

    private Uni<Void> announce(DisabledRule disabled) {
        LOG.warnf("rule %s of account %s disabled: %s", disabled.ruleId, disabled.accountOpenId, disabled.reason);
        meters.counter("dmpilot_rules_disabled_total").increment();
        return changes.publish(RULE_DISABLED, disabled.key);
    }

    private Uni<Void> emit(VettedReply reply) {
        InboundEvent inbound = reply.candidate().inbound();
        return vetted.sendMessage(KeyedRecords.of(
                Topics.REPLY_VETTED,
                SOURCE,
                inbound.conversationId(),
                "vetted:" + reply.candidate().candidateId(),
                inbound.traceId(),
                inbound.accountOpenId(),
                reply));
    }
}
