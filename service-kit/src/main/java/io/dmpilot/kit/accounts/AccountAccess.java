package io.dmpilot.kit.accounts;

import io.dmpilot.kit.auth.AgencyScope;
import io.dmpilot.kit.auth.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The tenant check of services that hold data by account open id but not the account itself (compliance,
 * dispatch, analytics): another agency's account answers exactly like a missing one, as rules-service's
 * {@code Account.visible} does. Fails closed: an account the directory cannot place (not loaded yet,
 * rules-service down) is a 404 for every agency's key; the superadmin is never asked about.
 */
@ApplicationScoped
public class AccountAccess {
    private static final Logger LOG = Logger.getLogger(AccountAccess.class);

    private final Caller caller;
    private final AccountDirectory directory;

    public AccountAccess(Caller caller, AccountDirectory directory) {
        this.caller = caller;
        this.directory = directory;
    }

    /** Call in the resource method itself (it reads the caller), then chain the work after it. */
    public Uni<Void> requireVisible(String openId) {
        AgencyScope scope = caller.scope();
        if (scope.everyAgency()) return Uni.createFrom().voidItem();
        return directory
                .lookup(openId)
                .onFailure()
                .recoverWithItem(failure -> {
                    LOG.warnf("cannot place account %s (%s); answering 404", openId, failure.toString());
                    return Optional.<KnownAccount>empty();
                })
                .invoke(found ->
                        scope.requireVisible(found.map(KnownAccount::agencyId).orElse(null), notFound(openId)))
                .replaceWithVoid();
    }

    /** The one text for a missing and a foreign account, so open ids cannot be probed. */
    public static String notFound(String openId) {
        return "no account " + openId;
    }
}
