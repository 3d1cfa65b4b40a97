package io.dmpilot.compliance.account;

import io.dmpilot.compliance.lexicon.LexiconChanges;
import io.dmpilot.contracts.HandoffReason;
import io.dmpilot.kit.ProblemException;
import io.dmpilot.kit.accounts.AccountAccess;
import io.dmpilot.kit.audit.AuditActor;
import io.dmpilot.kit.audit.AuditChange;
import io.dmpilot.kit.audit.AuditPublisher;
import io.dmpilot.kit.auth.Caller;
import io.dmpilot.kit.auth.Roles;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Operators' API for an account's compliance policy: the regulated categories it holds a qualification for,
 * and which inbound signals hand its conversations to a human. Committed, then announced on config.changes.v1.
 * Another agency's account answers like a missing one (docs/SECURITY.md).
 */
@RolesAllowed(Roles.OPERATOR)
@Path("/compliance/accounts/{openId}/policy")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AccountPolicyResource {
    /** The entity of a policy's entries in the audit log (docs/SECURITY.md). */
    static final String AUDITED = "compliance-policy";

    private final AccountPolicies policies;
    private final LexiconChanges changes;
    private final AccountAccess access;
    private final Caller caller;
    private final AuditPublisher audit;

    public AccountPolicyResource(
            AccountPolicies policies,
            LexiconChanges changes,
            AccountAccess access,
            Caller caller,
            AuditPublisher audit) {
        this.policies = policies;
        this.changes = changes;
        this.access = access;
        this.caller = caller;
        this.audit = audit;
    }

    /**
     * @param handoffReasons absent: every screened reason (CRISIS, HARASSMENT, COMPLAINT); empty: none
     * @param crisisReply absent or blank: crisis signals follow {@code handoffReasons}; else the reply that
     *     answers a conversation switched to the crisis scenario
     */
    public record PolicyRequest(List<String> qualifications, List<HandoffReason> handoffReasons, String crisisReply) {
        AccountPolicy validated() {
            Set<String> held = new TreeSet<>();
            for (String q : qualifications == null ? List.<String>of() : qualifications) {
                String name = q == null ? "" : q.trim().toLowerCase();
                if (!AccountPolicy.QUALIFICATION.matcher(name).matches()) {
                    throw ProblemException.invalidField(
                            "qualifications", "a qualification is 1–32 of a-z, 0-9 and '-', not \"" + q + "\"");
                }
                held.add(name);
            }
            if (handoffReasons != null && handoffReasons.contains(null)) {
                throw ProblemException.invalidField("handoffReasons", "unknown hand-off reason");
            }
            Set<HandoffReason> reasons = handoffReasons == null
                    ? AccountPolicy.SCREENED
                    : (handoffReasons.isEmpty() ? Set.of() : EnumSet.copyOf(handoffReasons));
            if (!AccountPolicy.SCREENED.containsAll(reasons)) {
                throw ProblemException.invalidField(
                        "handoffReasons", "inbound screening raises only " + AccountPolicy.SCREENED);
            }
            String crisis = crisisReply == null || crisisReply.isBlank() ? null : crisisReply.strip();
            if (crisis != null && crisis.length() > AccountPolicy.CRISIS_REPLY_MAX) {
                throw ProblemException.invalidField(
                        "crisisReply", "a crisis reply has at most " + AccountPolicy.CRISIS_REPLY_MAX + " characters");
            }
            return new AccountPolicy(held, reasons, crisis);
        }
    }

    public record PolicyView(
            String accountOpenId, Set<String> qualifications, Set<HandoffReason> handoffReasons, String crisisReply) {
        static PolicyView of(String openId, AccountPolicy policy) {
            return new PolicyView(
                    openId,
                    new TreeSet<>(policy.qualifications()),
                    policy.handoffReasons().isEmpty() ? Set.of() : EnumSet.copyOf(policy.handoffReasons()),
                    policy.crisisReply());
        }
    }

    @GET
    public Uni<PolicyView> get(@PathParam("openId") String openId) {
        return access.requireVisible(openId)
                .chain(() -> Panache.withSession(() -> AccountPolicyEntry.<AccountPolicyEntry>findById(openId)))
                .map(entry -> PolicyView.of(openId, entry == null ? AccountPolicy.DEFAULT : entry.toPolicy()));
    }

    @PUT
    public Uni<PolicyView> put(@PathParam("openId") String openId, PolicyRequest request) {
        if (request == null) throw ProblemException.badRequest("a JSON body is required");
        if (openId.length() > 128) throw ProblemException.badRequest("an account open id has at most 128 characters");
        AccountPolicy policy = request.validated();
        AuditActor actor = AuditActor.of(caller);
        // audited inside the transaction, after a flush: a policy change that cannot be audited rolls back
        return access.requireVisible(openId)
                .chain(() -> Panache.withTransaction(() -> AccountPolicyEntry.<AccountPolicyEntry>findById(openId)
                        .chain(found -> {
                            PolicyView before = found == null ? null : PolicyView.of(openId, found.toPolicy());
                            AccountPolicyEntry entry = found != null ? found : new AccountPolicyEntry();
                            entry.openId = openId;
                            entry.apply(policy);
                            AuditChange change =
                                    new AuditChange(AUDITED, openId, "put", before, PolicyView.of(openId, policy));
                            return entry.<AccountPolicyEntry>persist()
                                    .call(Panache::flush)
                                    .call(() -> audit.publishForAccount(actor, openId, change));
                        })))
                .call(entry -> policies.reload(openId))
                .call(entry -> changes.publish(AccountPolicies.ENTITY, openId))
                .map(entry -> PolicyView.of(openId, policy));
    }
}
