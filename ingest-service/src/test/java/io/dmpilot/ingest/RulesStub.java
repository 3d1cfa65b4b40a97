package io.dmpilot.ingest;

import io.dmpilot.kit.ProblemException;
import io.dmpilot.kit.accounts.KnownAccount;
import io.dmpilot.kit.auth.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * rules-service's account reads, served by the test application itself (the whole pipeline is tested
 * against the real rules-service in PipelineIT). Answers in rules-service's shape, templates included.
 */
@Path("/accounts")
// as rules-service answers ingest: with the services' key (or the platform's superadmin key)
@RolesAllowed({Roles.SUPERADMIN, Roles.SERVICE})
@Produces(MediaType.APPLICATION_JSON)
public class RulesStub {
    public record Account(
            String openId,
            String agencyId,
            String name,
            String tier,
            boolean crisisMode,
            Map<String, String> templates) {}

    /** Who read accounts, as {@code key:<prefix>}: the service key, where the services have one. */
    static final Set<String> READERS = ConcurrentHashMap.newKeySet();

    private final SecurityIdentity caller;

    public RulesStub(SecurityIdentity caller) {
        this.caller = caller;
    }

    /** Sorted, so pages are stable. Enough accounts for several pages of the start-up load. */
    static final Map<String, Account> ACCOUNTS = new ConcurrentSkipListMap<>();

    static {
        add("acct-1", "agency-1");
        add("demo-account", "demo-agency");
        for (int i = 0; i < 450; i++) {
            add("seeded-" + i, "agency-seeded");
        }
    }

    @GET
    public List<Account> page(
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        READERS.add(caller.getPrincipal().getName());
        return ACCOUNTS.values().stream().skip((long) page * size).limit(size).toList();
    }

    @GET
    @Path("/{openId}")
    public Account get(@PathParam("openId") String openId) {
        READERS.add(caller.getPrincipal().getName());
        Account account = ACCOUNTS.get(openId);
        if (account == null) throw ProblemException.notFound("no account " + openId);
        return account;
    }

    static void add(String openId, String agencyId) {
        ACCOUNTS.put(
                openId, new Account(openId, agencyId, "name of " + openId, "BASIC", false, Map.of("FALLBACK", "您好")));
    }

    static void remove(String openId) {
        ACCOUNTS.remove(openId);
    }

    static KnownAccount known(String openId) {
        Account account = ACCOUNTS.get(openId);
        return new KnownAccount(account.openId(), account.agencyId());
    }
}
