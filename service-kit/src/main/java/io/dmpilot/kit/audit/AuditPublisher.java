package io.dmpilot.kit.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dmpilot.contracts.AuditRecord;
import io.dmpilot.contracts.Channels;
import io.dmpilot.contracts.Topics;
import io.dmpilot.kit.KeyedRecords;
import io.dmpilot.kit.Problem;
import io.dmpilot.kit.ProblemException;
import io.dmpilot.kit.accounts.AccountDirectory;
import io.dmpilot.kit.accounts.KnownAccount;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

/**
 * Publishes an operator's change on audit.changes.v1, for services whose changes rules-service's audit log
 * stores (docs/SECURITY.md, "Audit log"). A resource awaits it before answering: when the record cannot be
 * published the call fails with a 500 problem instead of claiming an unrecorded success. Where the change is
 * in PostgreSQL, publish inside its transaction, after a flush, so a change that cannot be audited rolls back.
 * A service turns it on with {@code dmpilot.audit.publish=true} and configures the outgoing channel
 * {@code audit-changes}.
 */
@ApplicationScoped
@IfBuildProperty(name = "dmpilot.audit.publish", stringValue = "true")
public class AuditPublisher {
    private static final Logger LOG = Logger.getLogger(AuditPublisher.class);

    private final MutinyEmitter<AuditRecord> emitter;
    private final AccountDirectory directory;
    private final ObjectMapper json;
    private final String service;

    public AuditPublisher(
            @Channel(Channels.AUDIT_CHANGES) MutinyEmitter<AuditRecord> emitter,
            AccountDirectory directory,
            ObjectMapper json,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.emitter = emitter;
        this.directory = directory;
        this.json = json;
        this.service = service;
    }

    /** A change to an object of {@code agencyId}; null for a platform object (a global lexicon term). */
    public Uni<Void> publish(AuditActor actor, String agencyId, AuditChange change) {
        return Uni.createFrom().deferred(() -> {
            Executor caller = callerContext();
            return send(record(actor, agencyId, change)).emitOn(caller);
        });
    }

    /**
     * A change to an account's object: the entry belongs to the account's agency, from the account directory.
     * An account no agency is known to own (the superadmin may act on any open id) is a platform entry.
     */
    public Uni<Void> publishForAccount(AuditActor actor, String accountOpenId, AuditChange change) {
        return Uni.createFrom().deferred(() -> {
            Executor caller = callerContext();
            return directory
                    .lookup(accountOpenId)
                    .onFailure()
                    .recoverWithItem(failure -> {
                        LOG.warnf("cannot place account %s for its audit entry (%s)", accountOpenId, failure);
                        return Optional.<KnownAccount>empty();
                    })
                    .emitOn(caller)
                    .chain(found ->
                            publish(actor, found.map(KnownAccount::agencyId).orElse(null), change));
        });
    }

    /**
     * As {@link #publishForAccount}, for a change that cannot be rolled back (it is in Redis, or a reply already
     * left): a record that cannot be published answers 500 saying the change was made but is not in the log.
     */
    public Uni<Void> publishForAccountAfterTheFact(AuditActor actor, String accountOpenId, AuditChange change) {
        return publishForAccount(actor, accountOpenId, change)
                .onFailure(ProblemException.class)
                .transform(failure -> new ProblemException(Problem.of(
                        500,
                        "Audit unavailable",
                        "the " + change.entity() + " " + change.action()
                                + " was done but could not be recorded in the audit log")));
    }

    private AuditRecord record(AuditActor actor, String agencyId, AuditChange change) {
        return new AuditRecord(
                UUID.randomUUID().toString(),
                agencyId,
                actor.principal(),
                actor.agencyId(),
                service,
                change.entity(),
                change.entityId(),
                change.action(),
                tree(change.before()),
                tree(change.after()),
                System.currentTimeMillis());
    }

    /**
     * The send and a directory lookup complete on other threads: the caller continues on its own Vert.x context,
     * which a transaction around the change needs.
     */
    private static Executor callerContext() {
        Context context = Vertx.currentContext();
        return task -> {
            if (context == null) task.run();
            else context.runOnContext(x -> task.run());
        };
    }

    private Uni<Void> send(AuditRecord record) {
        return emitter.sendMessage(KeyedRecords.of(
                        Topics.AUDIT_CHANGES, service, record.recordKey(), record.entryId(), null, record))
                .onFailure()
                .transform(failure -> {
                    LOG.errorf(
                            "audit record %s (%s %s %s) not published: %s",
                            record.entryId(), record.action(), record.entity(), record.entityId(), failure.toString());
                    return new ProblemException(
                            Problem.of(500, "Audit unavailable", "the change could not be recorded in the audit log"));
                });
    }

    private JsonNode tree(Object state) {
        return state == null ? null : json.valueToTree(state);
    }
}
