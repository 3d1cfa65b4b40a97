package io.dmpilot.contracts;

/**
 * Cache invalidation on the compacted {@code config.changes.v1}: keyed by {@code entity:key}, so the
 * latest change per object survives compaction.
 */
public record ConfigChange(String entity, String key, Action action, long version, long at) {
    public enum Action {
        UPSERT,
        DELETE
    }

    public String recordKey() {
        return entity + ":" + key;
    }
}
