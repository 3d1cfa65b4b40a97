package io.dmpilot.ingest.accounts;

import io.dmpilot.ingest.IngestConfig;
import io.dmpilot.kit.accounts.AccountDirectory;
import io.dmpilot.kit.accounts.KnownAccount;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Which webhooks are published: those to accounts the shared directory knows. Fails open: while the first
 * load has not succeeded, or when rules-service cannot answer a miss, every account is known — a message is
 * never refused because rules-service is down.
 */
@ApplicationScoped
public class AccountRouting {
    private static final Logger LOG = Logger.getLogger(AccountRouting.class);

    private final AccountDirectory directory;
    private final IngestConfig config;

    public AccountRouting(AccountDirectory directory, IngestConfig config) {
        this.directory = directory;
        this.config = config;
    }

    /** The account's agency where the directory holds it (for the log context: never a remote call). */
    public String agencyOf(String openId) {
        return directory.find(openId).map(KnownAccount::agencyId).orElse(null);
    }

    /** True when messages to this account should be published. */
    public Uni<Boolean> isKnown(String openId) {
        if (!config.accountRouting()
                || !directory.loaded()
                || directory.find(openId).isPresent()) {
            return Uni.createFrom().item(true);
        }
        return directory.lookup(openId).map(Optional::isPresent).onFailure().recoverWithItem(failure -> {
            LOG.warnf("rules-service cannot answer for account %s (%s); treating it as known", openId, failure);
            return true;
        });
    }
}
