package io.dmpilot.rules.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Vectors of example phrases, least recently used evicted first. Accounts mostly share the default examples,
 * so 10,000 CUSTOM accounts cost a few hundred vectors (2 KiB each), not 10,000 × their examples.
 */
public final class VectorCache {
    private final Map<String, float[]> vectors;

    public VectorCache(int capacity) {
        this.vectors = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > capacity;
            }
        };
    }

    public synchronized float[] get(String phrase) {
        return vectors.get(phrase);
    }

    /** The cached vector, or {@code encoder}'s, stored. Encodes outside the lock. */
    public float[] get(String phrase, SentenceEncoder encoder) {
        float[] cached = get(phrase);
        if (cached != null) return cached;
        float[] vector = encoder.encode(phrase);
        synchronized (this) {
            vectors.put(phrase, vector);
        }
        return vector;
    }

    public synchronized int size() {
        return vectors.size();
    }
}
