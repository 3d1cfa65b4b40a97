package io.dmpilot.rules;

import io.dmpilot.rules.engine.AccountRules;
import io.dmpilot.rules.engine.BgeSmallZhEncoder;
import io.dmpilot.rules.engine.IntentIndex;
import io.dmpilot.rules.engine.IntentSpec;
import io.dmpilot.rules.engine.SentenceEncoder;
import io.dmpilot.rules.engine.VectorCache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.WorkerExecutor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;

/**
 * Sentence vectors for the CUSTOM engine. The model loads once per process (in the background at start-up, or
 * on first use); every encoding runs on a small dedicated worker pool, never on the event loop, and the
 * answer comes back on the caller's Vert.x context so Hibernate Reactive and Redis calls can follow.
 */
@ApplicationScoped
public class SentenceEmbedder {
    private static final Logger LOG = Logger.getLogger(SentenceEmbedder.class);

    private final RulesConfig.Semantic config;
    private final VectorCache examples;
    private final WorkerExecutor workers;
    private final CompletableFuture<SentenceEncoder> encoder = new CompletableFuture<>();

    public SentenceEmbedder(RulesConfig config, Vertx vertx) {
        this.config = config.semantic();
        this.examples = new VectorCache(this.config.cacheSize());
        this.workers = vertx.createSharedWorkerExecutor("rules-embedding", this.config.threads());
    }

    void onStart(@Observes StartupEvent event) {
        if (config.enabled() && config.preload()) {
            workers.executeBlocking(Uni.createFrom().item(this::encoder), false)
                    .subscribe()
                    .with(x -> {}, e -> {});
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        workers.closeAndForget();
    }

    /**
     * The account's rules with its intents' example vectors, and the message's vector, for a CUSTOM account
     * that has intents; {@code rules} unchanged and no vector otherwise.
     */
    public Uni<Prepared> prepare(AccountRules rules, List<IntentSpec> intents, String text) {
        if (!config.enabled() || intents.isEmpty() || rules.crisisMode()) {
            return Uni.createFrom().item(new Prepared(rules, null));
        }
        return workers.executeBlocking(
                        Uni.createFrom().item(() -> {
                            SentenceEncoder model = encoder();
                            IntentIndex index = IntentIndex.of(
                                    intents,
                                    phrase -> examples.get(phrase, model),
                                    rules.semanticThresholdOr(config.threshold()));
                            return new Prepared(rules.withIntents(index), model.encode(text));
                        }),
                        false)
                // no model: the keyword rules answer, as below the threshold
                .onFailure()
                .recoverWithItem(new Prepared(rules, null));
    }

    /** The model's state for the readiness check: disabled, not loaded (lazily), loading, loaded or failed. */
    String state() {
        if (!config.enabled()) return "disabled";
        if (encoder.isCompletedExceptionally()) return "failed";
        if (encoder.isDone()) return "loaded";
        return config.preload() ? "loading" : "on first use";
    }

    /** The model, loading it on the first call; later calls wait for that load. Call on a worker thread. */
    SentenceEncoder encoder() {
        synchronized (encoder) {
            if (!encoder.isDone()) {
                long start = System.nanoTime();
                try {
                    encoder.complete(new BgeSmallZhEncoder(1));
                    LOG.infof("sentence model loaded in %d ms", (System.nanoTime() - start) / 1_000_000);
                } catch (RuntimeException e) {
                    LOG.error("sentence model failed to load; CUSTOM accounts answer with keyword rules", e);
                    encoder.completeExceptionally(e);
                }
            }
        }
        return encoder.join();
    }

    /** @param embedding the message's unit vector, or null when the semantic engine has nothing to compare */
    public record Prepared(AccountRules rules, float[] embedding) {}
}
