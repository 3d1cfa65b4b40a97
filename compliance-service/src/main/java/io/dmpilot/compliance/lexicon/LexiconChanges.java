package io.dmpilot.compliance.lexicon;

import io.dmpilot.contracts.Channels;
import io.dmpilot.contracts.ConfigChange;
import io.dmpilot.contracts.Topics;
import io.dmpilot.contracts.serde.EventJson;
import io.dmpilot.kit.KeyedRecords;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Lexicon edits on config.changes.v1 (entity {@code lexicon}, key: the scope). Every replica reads the topic
 * in a consumer group of its own from the latest offset, so each sees every change once and rebuilds; a
 * replica that starts later loads the whole lexicon at startup instead of replaying history.
 */
@ApplicationScoped
public class LexiconChanges {
    public static final String ENTITY = "lexicon";
    /** The incoming side of config.changes.v1; the outgoing side keeps the shared channel name. */
    public static final String INCOMING = "config-changes-in";

    private final MutinyEmitter<ConfigChange> emitter;
    private final LexiconRegistry registry;

    public LexiconChanges(
            @Channel(Channels.CONFIG_CHANGES) MutinyEmitter<ConfigChange> emitter, LexiconRegistry registry) {
        this.emitter = emitter;
        this.registry = registry;
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

    @Incoming(INCOMING)
    public Uni<Void> consume(String payload) {
        ConfigChange change = EventJson.read(payload, ConfigChange.class);
        return ENTITY.equals(change.entity())
                ? registry.reload()
                : Uni.createFrom().voidItem();
    }
}
