package io.dmpilot.rules.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * An account's intents with one unit vector per example phrase. The nearest example (highest cosine
 * similarity) names the intent; below {@code threshold} no intent is near enough and the keyword rules decide.
 */
public final class IntentIndex {
    public static final IntentIndex EMPTY = new IntentIndex(List.of(), List.of(), new int[0], List.of(), 1.0);

    private final List<IntentSpec> intents;
    private final List<float[]> vectors; // unit length, one per example
    private final int[] owner; // example → intent
    private final List<String> phrases;
    private final double threshold;

    private IntentIndex(
            List<IntentSpec> intents, List<float[]> vectors, int[] owner, List<String> phrases, double threshold) {
        this.intents = intents;
        this.vectors = vectors;
        this.owner = owner;
        this.phrases = phrases;
        this.threshold = threshold;
    }

    /** @param vectorOf the unit vector of a phrase (the encoder, or a cache in front of it) */
    public static IntentIndex of(List<IntentSpec> intents, Function<String, float[]> vectorOf, double threshold) {
        List<float[]> vectors = new ArrayList<>();
        List<String> phrases = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        for (int i = 0; i < intents.size(); i++) {
            for (String example : intents.get(i).examples()) {
                vectors.add(vectorOf.apply(example));
                phrases.add(example);
                owners.add(i);
            }
        }
        int[] owner = owners.stream().mapToInt(Integer::intValue).toArray();
        return new IntentIndex(List.copyOf(intents), vectors, owner, phrases, threshold);
    }

    /** Every example phrase of {@code intents}, once: what must be encoded before {@link #of} can run. */
    public static Set<String> phrases(List<IntentSpec> intents) {
        Set<String> out = new LinkedHashSet<>();
        intents.forEach(intent -> out.addAll(intent.examples()));
        return out;
    }

    public boolean isEmpty() {
        return vectors.isEmpty();
    }

    public double threshold() {
        return threshold;
    }

    /** The intent of the example nearest to {@code unitVector}, whatever its score; empty when there is none. */
    public Optional<IntentHit> nearest(float[] unitVector) {
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int e = 0; e < vectors.size(); e++) {
            double score = Vectors.dot(unitVector, vectors.get(e));
            if (score > bestScore) {
                bestScore = score;
                best = e;
            }
        }
        return best < 0
                ? Optional.empty()
                : Optional.of(new IntentHit(intents.get(owner[best]), phrases.get(best), bestScore));
    }

    /** The nearest intent when it is at least {@link #threshold()} similar. */
    public Optional<IntentHit> match(float[] unitVector) {
        return nearest(unitVector).filter(hit -> hit.score() >= threshold);
    }

    /** @param example the example phrase that was nearest, reported as the candidate's matched "keyword" */
    public record IntentHit(IntentSpec intent, String example, double score) {}
}
