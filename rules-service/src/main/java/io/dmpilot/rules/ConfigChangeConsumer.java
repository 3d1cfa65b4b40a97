package io.dmpilot.rules;

import io.dmpilot.contracts.ConfigChange;
import io.dmpilot.contracts.serde.EventJson;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * config.changes.v1 on every replica: each reads the topic in a consumer group of its own from the latest offset,
 * so each sees every change; a replica that starts later has an empty cache and needs no history. A change to an
 * account or its rules drops that account's compiled rules; compliance-service's rule-disabled switches the rule
 * off; other entities are not ours.
 */
@ApplicationScoped
public class ConfigChangeConsumer {
    /** The incoming side of config.changes.v1; the outgoing side keeps the shared channel name. */
    public static final String INCOMING = "config-changes-in";

    static final Set<String> ACCOUNT_ENTITIES = Set.of("account", "account-rules");

    private final AccountRulesCache cache;
    private final ComplianceSuspensions suspensions;

    public ConfigChangeConsumer(AccountRulesCache cache, ComplianceSuspensions suspensions) {
        this.cache = cache;
        this.suspensions = suspensions;
    }

    @Incoming(INCOMING)
    public Uni<Void> consume(String payload) {
        ConfigChange change = EventJson.read(payload, ConfigChange.class);
        if (change.key() == null) return Uni.createFrom().voidItem();
        if (ACCOUNT_ENTITIES.contains(change.entity())) {
            cache.invalidate(change.key());
        } else if (ComplianceSuspensions.ENTITY.equals(change.entity())) {
            return suspensions.suspend(change.key());
        }
        return Uni.createFrom().voidItem();
    }
}
