package io.dmpilot.compliance.inbound;

import io.dmpilot.compliance.ComplianceConfig;
import io.dmpilot.compliance.account.AccountPolicies;
import io.dmpilot.compliance.account.AccountPolicy;
import io.dmpilot.compliance.lexicon.InboundSignals;
import io.dmpilot.contracts.HandoffReason;
import io.dmpilot.contracts.InboundEvent;
import io.dmpilot.contracts.InboundKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Whether a user's message goes to a person: its strongest signal, when the account's policy hands off for
 * that reason. One decision for both paths, the screening of dm.inbound.v1 (which publishes the hand-off) and
 * the vetting of the reply candidate to that same message (which must then not be sent), so the two can
 * never disagree whichever topic is read first.
 */
@ApplicationScoped
public class InboundScreen {
    /**
     * The strongest signal of a message, whether its account hands off for it, and whether it switches the
     * conversation to the crisis scenario instead.
     */
    public record Screening(Optional<InboundSignals.Signal> signal, boolean handsOff, boolean switchesToCrisis) {
        public static final Screening CLEAN = new Screening(Optional.empty(), false, false);
    }

    private final InboundSignals signals;
    private final AccountPolicies policies;

    public InboundScreen(ComplianceConfig config, AccountPolicies policies) {
        this.signals = InboundSignals.fromClasspath(config.inboundSignals());
        this.policies = policies;
    }

    public Screening screen(InboundEvent event) {
        if (event == null || event.kind() != InboundKind.USER_MESSAGE) return Screening.CLEAN;
        return decide(signals.strongest(event.text()), policies.of(event.accountOpenId()));
    }

    /** Pure: what a found signal means under one account's policy. */
    public static Screening decide(Optional<InboundSignals.Signal> signal, AccountPolicy policy) {
        boolean crisis = signal.map(s -> s.reason() == HandoffReason.CRISIS).orElse(false);
        return new Screening(
                signal,
                signal.map(s -> policy.handsOff(s.reason())).orElse(false),
                crisis && policy.switchesOnCrisis());
    }
}
