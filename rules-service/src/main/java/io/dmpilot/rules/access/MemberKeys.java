package io.dmpilot.rules.access;

import io.dmpilot.kit.auth.ApiKeyStore;
import io.dmpilot.kit.auth.ApiKeyVerifier;
import io.dmpilot.kit.auth.KeyRecord;
import io.dmpilot.kit.auth.Roles;
import io.dmpilot.rules.audit.Actor;
import io.dmpilot.rules.audit.AuditTrail;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.function.Function;

/**
 * A member's keys in Redis follow the member: a new role reaches them, a deleted member's are revoked. Called
 * inside the member change's transaction, with an audit entry per key changed, so a Redis failure rolls the
 * member change back (keys already changed stay changed: a retry finishes the job).
 */
@ApplicationScoped
class MemberKeys {
    private final ApiKeyStore store;
    private final ApiKeyVerifier verifier;
    private final AuditTrail audit;

    MemberKeys(ApiKeyStore store, ApiKeyVerifier verifier, AuditTrail audit) {
        this.store = store;
        this.verifier = verifier;
        this.audit = audit;
    }

    /**
     * A key at its member's full role follows the member up or down; a key issued below it stays below, and
     * never above the member's new role.
     */
    static String roleAfter(String keyRole, String oldMemberRole, String newMemberRole) {
        return keyRole.equals(oldMemberRole) ? newMemberRole : Roles.lower(keyRole, newMemberRole);
    }

    Uni<Void> followRole(Actor actor, String memberId, String oldRole, String newRole) {
        return eachActiveKey(memberId, record -> {
            String role = roleAfter(record.role(), oldRole, newRole);
            if (role.equals(record.role())) return Uni.createFrom().voidItem();
            KeyView before = KeyView.of(record);
            return store.changeRole(record.prefix(), role)
                    .invoke(() -> verifier.forget(record.prefix()))
                    .call(() -> audit.record(actor, before.change("role", before.withRole(role))));
        });
    }

    Uni<Void> revokeAll(Actor actor, String memberId) {
        return eachActiveKey(memberId, record -> {
            KeyView before = KeyView.of(record);
            return store.revoke(record.prefix())
                    .invoke(() -> verifier.forget(record.prefix()))
                    .call(() -> audit.record(actor, before.change("revoke", before.asRevoked())));
        });
    }

    /** One key after the other: audit entries share the transaction's session, which takes one call at a time. */
    private Uni<Void> eachActiveKey(String memberId, Function<KeyRecord, Uni<Void>> step) {
        return store.listOfMember(memberId).chain(records -> {
            Uni<Void> all = Uni.createFrom().voidItem();
            for (KeyRecord record : active(records)) all = all.chain(() -> step.apply(record));
            return all;
        });
    }

    private static List<KeyRecord> active(List<KeyRecord> records) {
        return records.stream().filter(r -> !r.revoked()).toList();
    }
}
