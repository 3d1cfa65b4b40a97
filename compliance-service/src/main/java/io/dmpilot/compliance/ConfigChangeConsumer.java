package io.dmpilot.compliance;

import io.dmpilot.compliance.account.AccountPolicies;
import io.dmpilot.compliance.lexicon.LexiconChanges;
import io.dmpilot.compliance.lexicon.LexiconRegistry;
import io.dmpilot.contracts.ConfigChange;
import io.dmpilot.contracts.serde.EventJson;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * config.changes.v1 on every replica: each reads the topic in a consumer group of its own from the latest
 * offset, so each sees every change once; a replica that starts later loads everything at startup instead of
 * replaying history. A lexicon change rebuilds the matchers, an account-policy change reloads that account.
 */
@ApplicationScoped
public class ConfigChangeConsumer {
    /** The incoming side of config.changes.v1; the outgoing side keeps the shared channel name. */
    public static final String INCOMING = "config-changes-in";

    private final LexiconRegistry lexicons;
    private final AccountPolicies policies;

    public ConfigChangeConsumer(LexiconRegistry lexicons, AccountPolicies policies) {
        this.lexicons = lexicons;
        this.policies = policies;
    }

    @Incoming(INCOMING)
    public Uni<Void> consume(String payload) {
        ConfigChange change = EventJson.read(payload, ConfigChange.class);
        if (LexiconChanges.ENTITY.equals(change.entity())) return lexicons.reload();
        if (AccountPolicies.ENTITY.equals(change.entity()) && change.key() != null) {
            return policies.reload(change.key());
        }
        return Uni.createFrom().voidItem();
    }
}
