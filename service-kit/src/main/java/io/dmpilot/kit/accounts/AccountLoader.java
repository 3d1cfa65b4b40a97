package io.dmpilot.kit.accounts;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Loads every account from rules-service at start, in the background: the service is open at once, and
 * while rules-service is unreachable the load is retried with back-off (until then the directory holds what
 * changes announced; each service decides what a miss means).
 */
@ApplicationScoped
@IfBuildProperty(name = "dmpilot.accounts.directory", stringValue = "true")
public class AccountLoader {
    private static final Logger LOG = Logger.getLogger(AccountLoader.class);

    private final RulesClient rules;
    private final AccountDirectory directory;
    private Cancellable loading;

    public AccountLoader(RulesClient rules, AccountDirectory directory) {
        this.rules = rules;
        this.directory = directory;
    }

    void onStart(@Observes StartupEvent start) {
        loading = rules.all()
                .onFailure()
                .invoke(failure ->
                        LOG.warnf("cannot load accounts from rules-service (%s); retrying", failure.toString()))
                .onFailure()
                .retry()
                .withBackOff(Duration.ofMillis(500), Duration.ofSeconds(30))
                .indefinitely()
                .subscribe()
                .with(directory::loadAll, failure -> LOG.error("account load gave up", failure));
    }

    void onStop(@Observes ShutdownEvent stop) {
        if (loading != null) {
            loading.cancel();
        }
    }
}
