package io.dmpilot.rules;

import io.dmpilot.rules.engine.AccountRules;
import io.dmpilot.rules.engine.BgeSmallZhEncoder;
import io.dmpilot.rules.engine.IntentIndex;
import io.dmpilot.rules.engine.IntentSpec;
import io.dmpilot.rules.engine.SentenceEncoder;
import io.dmpilot.rules.engine.VectorCache;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Context;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.WorkerExecutor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.jboss.logging.Logger;

/**
 * Sentence vectors for the CUSTOM engine. The model loads once per process (in the background at start-up, or
 * on first use); every encoding runs on a small dedicated worker pool, never on the event loop, and the
 * answer comes back on the caller's Vert.x context so Hibernate Reactive and Redis calls can follow. The queue in
 * front of the pool is bounded ({@link EncoderBacklog}): under a burst a message goes on without its vector and
 * the account's keyword rules answer it, rather than every CUSTOM reply waiting for the whole burst.
 */
@ApplicationScoped
public class SentenceEmbedder {
    private static final Logger LOG = Logger.getLogger(SentenceEmbedder.class);

    private final RulesConfig.Semantic config;
    private final VectorCache examples;
    private final WorkerExecutor workers;
    private final EncoderBacklog backlog;
    private final Map<EncoderBacklog.Reason, Counter> degraded = new EnumMap<>(EncoderBacklog.Reason.class);
    private final CompletableFuture<SentenceEncoder> encoder = new CompletableFuture<>();

    public SentenceEmbedder(RulesConfig config, Vertx vertx, MeterRegistry meters) {
        this.config = config.semantic();
        this.examples = new VectorCache(this.config.cacheSize());
        this.workers = vertx.createSharedWorkerExecutor("rules-embedding", this.config.threads());
        this.backlog = new EncoderBacklog(this.config.maxBacklog(), this.config.timeout());
        for (EncoderBacklog.Reason reason : EncoderBacklog.Reason.values()) {
            degraded.put(reason, meters.counter("dmpilot_rules_semantic_degraded_total", "reason", reason.tag()));
        }
        meters.gauge("dmpilot_rules_semantic_backlog", backlog, EncoderBacklog::size);
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
     * that has intents; {@code rules} unchanged and no vector otherwise. Without a vector because of load (the
     * backlog is full, the message waited longer than the time-out since {@code receivedAt}, the model failed),
     * {@code degraded} says why.
     */
    public Uni<Prepared> prepare(AccountRules rules, List<IntentSpec> intents, String text, long receivedAt) {
        if (!config.enabled() || intents.isEmpty() || rules.crisisMode()) {
            return Uni.createFrom().item(new Prepared(rules, null, null));
        }
        Executor caller = callersContext();
        return backlog.submit(
                        task -> workers.executeBlocking(task, false),
                        () -> {
                            SentenceEncoder model = encoder();
                            IntentIndex index = IntentIndex.of(
                                    intents,
                                    phrase -> examples.get(phrase, model),
                                    rules.semanticThresholdOr(config.threshold()));
                            return new Prepared(rules.withIntents(index), model.encode(text), null);
                        },
                        Duration.ofMillis(System.currentTimeMillis() - receivedAt))
                .map(encoded -> {
                    if (encoded.degraded() == null) return encoded.value();
                    degraded.get(encoded.degraded()).increment();
                    return new Prepared(rules, null, encoded.degraded().marker());
                })
                // the time-out answers on Mutiny's timer thread: back to the message's context
                .emitOn(caller);
    }

    private static Executor callersContext() {
        Context context = Vertx.currentContext();
        return context == null ? Runnable::run : context::runOnContext;
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

    /**
     * @param embedding the message's unit vector, or null when the semantic engine has nothing to compare
     * @param degraded null, or the candidate's marker of why there is no vector under load ({@code semantic-backlog}…)
     */
    public record Prepared(AccountRules rules, float[] embedding, String degraded) {}
}
