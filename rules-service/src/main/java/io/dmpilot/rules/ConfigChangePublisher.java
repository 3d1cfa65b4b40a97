package io.dmpilot.rules;

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
 * Tells every replica (and ingest's account lookup) that an object changed, on the compacted config topic. Call
 * after the change is committed: this replica's own cache forgets the account at once, the others when the
 * record reaches them.
 */
@ApplicationScoped
public class ConfigChangePublisher {
    private final MutinyEmitter<ConfigChange> emitter;
    private final AccountRulesCache cache;

    public ConfigChangePublisher(
            @Channel(Channels.CONFIG_CHANGES) MutinyEmitter<ConfigChange> emitter, AccountRulesCache cache) {
        this.emitter = emitter;
        this.cache = cache;
    }

    public Uni<Void> upserted(String entity, String key) {
        cache.invalidate(key);
        long now = System.currentTimeMillis();
        ConfigChange change = new ConfigChange(entity, key, ConfigChange.Action.UPSERT, now, now);
        return emitter.sendMessage(KeyedRecords.of(
                Topics.CONFIG_CHANGES,
                "rules-service",
                change.recordKey(),
                UUID.randomUUID().toString(),
                null,
                change));
    }
}
