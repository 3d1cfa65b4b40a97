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

/** Tells every replica (and ingest's account lookup) that an object changed, on the compacted config topic. */
@ApplicationScoped
public class ConfigChangePublisher {
    private final MutinyEmitter<ConfigChange> emitter;

    public ConfigChangePublisher(@Channel(Channels.CONFIG_CHANGES) MutinyEmitter<ConfigChange> emitter) {
        this.emitter = emitter;
    }

    public Uni<Void> upserted(String entity, String key) {
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
