package io.dmpilot.ingest.accounts;

import io.dmpilot.ingest.IngestConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Loads every account from rules-service at start, in the background: the webhook is open at once, and
 * while rules-service is unreachable the load is retried with back-off and the directory fails open.
 */
@ApplicationScoped
public class AccountLoader {
    private static final Logger LOG = Logger.getLogger(AccountLoader.class);

    private final RulesClient rules;
    private final AccountDirectory directory;
    private final IngestConfig config;
    private Cancellable loading;

    public AccountLoader(RulesClient rules, AccountDirectory directory, IngestConfig config) {
        this.rules = rules;
        this.directory = directory;
        this.config = config;
    }

    void onStart(@Observes StartupEvent start) {
        if (!config.accountRouting()) {
            LOG.info("account routing is off: messages to every account are published");
            return;
        }
        loading = rules.all()
                .onFailure()
                .invoke(failure -> LOG.warnf(
                        "cannot load accounts from rules-service (%s); every account counts as known until it answers",
                        failure.toString()))
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
