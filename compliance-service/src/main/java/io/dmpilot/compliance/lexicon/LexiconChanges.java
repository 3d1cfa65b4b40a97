package io.dmpilot.compliance.lexicon;

import io.dmpilot.contracts.Channels;
import io.dmpilot.contracts.ConfigChange;
import io.dmpilot.contracts.Topics;
import io.dmpilot.kit.KeyedRecords;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Announces this service's edits on config.changes.v1: lexicon edits (entity {@code lexicon}, key: the scope),
 * account policies, disabled rules. {@link io.dmpilot.compliance.ConfigChangeConsumer} reads them back on every
 * replica.
 */
@ApplicationScoped
public class LexiconChanges {
    public static final String ENTITY = "lexicon";

    private final MutinyEmitter<ConfigChange> emitter;

    public LexiconChanges(@Channel(Channels.CONFIG_CHANGES) MutinyEmitter<ConfigChange> emitter) {
        this.emitter = emitter;
    }

    public Uni<Void> changed(String scope) {
        return publish(ENTITY, scope);
    }

    /** Any change of this service's on config.changes.v1 (the ledger's {@code rule-disabled} too). */
    public Uni<Void> publish(String entity, String key) {
        long now = System.currentTimeMillis();
        ConfigChange change = new ConfigChange(entity, key, ConfigChange.Action.UPSERT, now, now);
        return emitter.sendMessage(KeyedRecords.of(
                Topics.CONFIG_CHANGES,
                "compliance-service",
                change.recordKey(),
                UUID.randomUUID().toString(),
                null,
                change));
    }
}
