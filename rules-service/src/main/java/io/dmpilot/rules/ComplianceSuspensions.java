package io.dmpilot.rules;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * compliance-service switched a rule off (its template was blocked too often, issue 5): the rule or intent is
 * stored as disabled with the reason, so no replica answers with it again and the operator sees why. Every
 * replica hears the change and writes the same row; the write is idempotent. A fixed scenario reply cannot be
 * switched off (the account would have nothing to say); compliance keeps blocking it and the operator sees it
 * in the risk view.
 */
@ApplicationScoped
public class ComplianceSuspensions {
    /** The config.changes.v1 entity compliance-service publishes; the key is {@code <account>/<rule id>}. */
    public static final String ENTITY = "rule-disabled";

    static final String REASON =
            "switched off by compliance-service: its replies were blocked repeatedly (GET /compliance/accounts/%s/risk)";

    private static final Logger LOG = Logger.getLogger(ComplianceSuspensions.class);

    private final AccountRulesCache cache;

    public ComplianceSuspensions(AccountRulesCache cache) {
        this.cache = cache;
    }

    public Uni<Void> suspend(String key) {
        Optional<Target> target = Target.parse(key);
        if (target.isEmpty()) {
            LOG.warnf("rule-disabled %s names no keyword rule or intent of ours; nothing to switch off", key);
            return Uni.createFrom().voidItem();
        }
        Target t = target.get();
        String reason = REASON.formatted(t.account());
        return Panache.withTransaction(() -> switchOff(t, reason))
                .invoke(found -> {
                    if (found) LOG.warnf("%s of account %s switched off: %s", t.kind(), t.account(), reason);
                    cache.invalidate(t.account());
                })
                .replaceWithVoid();
    }

    private static Uni<Boolean> switchOff(Target target, String reason) {
        if (target.kind().equals("rule")) {
            return KeywordRule.of(target.account(), target.id()).map(rule -> {
                if (rule == null) return false;
                rule.enabled = false;
                rule.disabledReason = reason;
                return true;
            });
        }
        return SemanticIntent.of(target.account(), target.id()).map(intent -> {
            if (intent == null) return false;
            intent.enabled = false;
            intent.disabledReason = reason;
            return true;
        });
    }

    /** {@code acct-1/rule:42} or {@code acct-1/intent:7}; rule ids never contain a slash, account ids may. */
    record Target(String account, String kind, long id) {
        static Optional<Target> parse(String key) {
            if (key == null) return Optional.empty();
            int slash = key.lastIndexOf('/');
            int colon = key.indexOf(':', slash + 1);
            if (slash <= 0 || colon < 0) return Optional.empty();
            String kind = key.substring(slash + 1, colon);
            if (!kind.equals("rule") && !kind.equals("intent")) return Optional.empty();
            try {
                return Optional.of(new Target(key.substring(0, slash), kind, Long.parseLong(key.substring(colon + 1))));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }
}
