package io.dmpilot.kit.accounts;

import io.dmpilot.contracts.ConfigChange;
import io.dmpilot.contracts.serde.EventJson;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * config.changes.v1 → the account directory. Every replica reads every change (its own group id, from the
 * end: the start-up load covers the past). An upsert makes the account known at once — the announcement
 * itself says it exists — and its details are then fetched; a delete forgets it.
 */
@ApplicationScoped
@IfBuildProperty(name = "dmpilot.accounts.directory", stringValue = "true")
public class AccountChangeConsumer {
    /**
     * A channel of its own on config.changes.v1: a service may read the topic for its own entities too
     * (compliance) or write to it, each under its own channel name.
     */
    public static final String CHANNEL = "account-changes";

    private static final Logger LOG = Logger.getLogger(AccountChangeConsumer.class);
    static final String ACCOUNT = "account";

    private final AccountDirectory directory;
    private final RulesClient rules;

    public AccountChangeConsumer(AccountDirectory directory, RulesClient rules) {
        this.directory = directory;
        this.rules = rules;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(String payload) {
        ConfigChange change = EventJson.read(payload, ConfigChange.class);
        if (!ACCOUNT.equals(change.entity()) || change.key() == null || change.action() == null) {
            return Uni.createFrom().voidItem();
        }
        return switch (change.action()) {
            case UPSERT -> upserted(change.key());
            case DELETE -> {
                directory.forget(change.key());
                yield Uni.createFrom().voidItem();
            }
        };
    }

    private Uni<Void> upserted(String openId) {
        directory.announce(openId);
        return rules.one(openId)
                .invoke(found -> found.ifPresent(directory::put))
                .onFailure()
                .recoverWithItem(failure -> {
                    // known already; the agency is filled in by the next change, lookup or restart
                    LOG.warnf("cannot fetch account %s after its change (%s)", openId, failure.toString());
                    return null;
                })
                .replaceWithVoid();
    }
}
