package io.dmpilot.compliance.lexicon;

import io.dmpilot.compliance.lexicon.LexiconResource.TermView;
import io.dmpilot.kit.audit.AuditActor;
import io.dmpilot.kit.audit.AuditChange;
import io.dmpilot.kit.audit.AuditPublisher;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A lexicon term's change in the audit log (docs/SECURITY.md): published inside the change's transaction after a
 * flush, so a conflicting term fails before anything is published and a change that cannot be audited rolls
 * back. An agency's term is in that agency's log; a global term (agency null) in the platform's.
 */
@ApplicationScoped
class LexiconAudit {
    static final String ENTITY = "lexicon-term";

    private final AuditPublisher publisher;

    LexiconAudit(AuditPublisher publisher) {
        this.publisher = publisher;
    }

    Uni<Void> record(AuditActor actor, String action, long id, TermView before, TermView after) {
        String agencyId = (after != null ? after : before).agencyId();
        AuditChange change = new AuditChange(ENTITY, Long.toString(id), action, before, after);
        return Panache.flush().chain(() -> publisher.publish(actor, agencyId, change));
    }
}
